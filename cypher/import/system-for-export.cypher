// One system as loaded, for a Fides export: its name, and each table with kind, columns (name, kind, category, label, description) in order and its references (target table, columns).
MATCH (s:System {system: $system})
OPTIONAL MATCH (s)-[:CONTAINS]->(t:Table)
CALL (t) {
  OPTIONAL MATCH (t)-[:HAS_COLUMN]->(c:Column)
  OPTIONAL MATCH (c)-[:OF_CATEGORY]->(cat:Category)
  WITH c, cat ORDER BY c.position
  RETURN collect(CASE WHEN c IS NULL THEN null ELSE {name: c.name, kind: c.columnKind, category: cat.key, categoryLabel: c.categoryLabel, description: c.description, references: c.references} END) AS columns
}
CALL (t) {
  OPTIONAL MATCH (t)-[r:REFERENCES]->(to:Table)
  WITH r, to ORDER BY to.name
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {to: to.name, columns: r.columns} END) AS references
}
WITH s, t, columns, references ORDER BY t.name
RETURN s.name AS name, s.systemKind AS kind, s.description AS description,
       collect(CASE WHEN t IS NULL THEN null ELSE {table: t.name, kind: t.entityKind, title: t.title, description: t.description, columns: columns, references: references} END) AS tables
