// One system's tables as loaded: name, kind, columns (name, kind, category) in order, and the tables each one references.
MATCH (:System {system: $system})-[:CONTAINS]->(t:Table)
CALL (t) {
  OPTIONAL MATCH (t)-[:HAS_COLUMN]->(c:Column)
  OPTIONAL MATCH (c)-[:OF_CATEGORY]->(cat:Category)
  WITH c, cat ORDER BY c.position
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {name: c.name, kind: c.columnKind, category: cat.key, categoryLabel: c.categoryLabel} END) AS columns
}
CALL (t) {
  OPTIONAL MATCH (t)-[r:REFERENCES]->(to:Table)
  WITH r, to ORDER BY to.name
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {to: to.name, columns: r.columns} END) AS references
}
RETURN t.name AS table, t.entityKind AS kind, columns, references
ORDER BY table
