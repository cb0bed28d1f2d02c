// Which of the given edges (source id, relationship type, target id) exist in the graph, as stated, in that direction.
UNWIND $edges AS e
OPTIONAL MATCH (a:Node {id: e.source})-[r]->(b:Node {id: e.target}) WHERE type(r) = e.type
WITH e, count(r) AS found
RETURN e.source + '|' + e.type + '|' + e.target AS edge, found > 0 AS exists
