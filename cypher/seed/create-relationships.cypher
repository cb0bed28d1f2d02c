// Creates relationships between loaded nodes; types come from the fixed list REL_TYPES. Returns how many were made.
UNWIND $rows AS row
MATCH (a:Node {id: row.from})
MATCH (b:Node {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
