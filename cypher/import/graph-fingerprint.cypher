// Every node id and every relationship (start id, type, end id), sorted: equal answers mean the graph holds the same nodes and links.
CALL () { MATCH (n:Node) WITH n.id AS id ORDER BY id RETURN collect(id) AS nodes }
CALL () { MATCH (a:Node)-[r]->(b:Node) WITH a.id + ' -' + type(r) + '-> ' + b.id AS rel ORDER BY rel RETURN collect(rel) AS relationships }
RETURN nodes, relationships
