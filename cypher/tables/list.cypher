// Every table (optionally of one system, or of a list of systems), by system and name, with its column counts and how many tables reference it.
MATCH (s:System)-[:CONTAINS]->(t:Table)
WHERE ($system IS NULL OR s.system = $system) AND ($systems IS NULL OR s.system IN $systems)
RETURN t {.kind, .key, .name, .title, .system, .entityKind} AS table, s.name AS systemName,
       COUNT { (t)-[:HAS_COLUMN]->(:Column) } AS columns,
       COUNT { (t)-[:HAS_COLUMN]->(:Column {columnKind: 'personal'}) } AS personalColumns,
       COUNT { (:Table)-[:REFERENCES]->(t) } AS referencedBy
ORDER BY t.system, t.name
