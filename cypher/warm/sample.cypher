// One system and one of its tables, for warming the read queries on real data (any will do; none when the graph is empty).
OPTIONAL MATCH (s:System)
WITH s LIMIT 1
OPTIONAL MATCH (s)-[:CONTAINS]->(t:Table)
RETURN s.id AS system, s.system AS name, head(collect(t.id)) AS table
