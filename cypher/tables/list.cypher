// A page of the tables (optionally of one system, or of a list of systems), by system and name, after the cursor $after ([system, name]) when given, with their column counts and how many tables reference them; and how many tables the whole list has.
CALL () {
  MATCH (s:System)-[:CONTAINS]->(t:Table)
  WHERE ($system IS NULL OR s.system = $system) AND ($systems IS NULL OR s.system IN $systems)
  RETURN count(t) AS total
}
MATCH (s:System)-[:CONTAINS]->(t:Table)
WHERE ($system IS NULL OR s.system = $system) AND ($systems IS NULL OR s.system IN $systems)
  AND ($after IS NULL OR t.system > $after[0] OR (t.system = $after[0] AND t.name > $after[1]))
WITH total, s, t
ORDER BY t.system, t.name
LIMIT toInteger($limit) + 1
RETURN t {.kind, .key, .name, .title, .system, .entityKind} AS table, s.name AS systemName, total,
       COUNT { (t)-[:HAS_COLUMN]->(:Column) } AS columns,
       COUNT { (t)-[:HAS_COLUMN]->(:Column {columnKind: 'personal'}) } AS personalColumns,
       COUNT { (:Table)-[:REFERENCES]->(t) } AS referencedBy
