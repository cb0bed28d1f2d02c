// One node: its stored properties and how many distinct neighbours of each kind it has (either direction).
MATCH (n:Node {id: $id})
OPTIONAL MATCH (n)--(m:Node)
WITH n, m.kind AS kind, count(DISTINCT m) AS count
RETURN properties(n) AS node, collect(CASE WHEN kind IS NULL THEN null ELSE {kind: kind, count: count} END) AS neighbours
