// The columns (name, kind, category) of each table among $ids that exists, in order: what a flow between own systems copies from and into.
UNWIND $ids AS id
MATCH (t:Table {id: id})
RETURN id, COLLECT { MATCH (t)-[:HAS_COLUMN]->(c:Column) WITH c ORDER BY c.position RETURN {name: c.name, kind: c.columnKind, category: c.category} } AS columns
