// The whole graph: every node (id, labels, all properties) and every relationship (start id, type, end id, all properties), for a checksum.
CALL () { MATCH (n) RETURN collect({id: n.id, labels: labels(n), props: properties(n)}) AS nodes }
CALL () { MATCH (a)-[r]->(b) RETURN collect({from: a.id, type: type(r), to: b.id, props: properties(r)}) AS relationships }
RETURN nodes, relationships
