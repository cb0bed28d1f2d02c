// One table: its system and subjects, its columns in document order (category, purposes, referenced tables, vendors, sources), and the sources feeding it with the tables they copy from.
MATCH (t:Node {id: $id}) WHERE t:Table
MATCH (s:System)-[:CONTAINS]->(t)
CALL (t) {
  OPTIONAL MATCH (t)-[:HAS_COLUMN]->(c:Column)
  WITH c ORDER BY c.position
  RETURN collect(c {
    .kind, .key, .name, .columnKind, .categoryLabel, .description,
    category: [(c)-[:OF_CATEGORY]->(cat:Category) | cat {.kind, .key, .name}][0],
    purposes: [(c)-[:FOR_PURPOSE]->(p:Purpose) | p {.kind, .key, .name}],
    references: [(c)-[:REFERENCES]->(r:Table) | r.name],
    vendors: [(c)-[:SENT_TO]->(v:Vendor) | v {.kind, .key, .name}],
    sources: [(src:Source)-[:FILLS]->(c) | src {.kind, .key, .name}]
  }) AS columns
}
CALL (t) {
  OPTIONAL MATCH (src:Source)-[:FEEDS]->(t)
  WITH src ORDER BY src.name
  RETURN collect(src {.kind, .key, .name, .description, copiesFrom: [(src)-[:READS_FROM]->(f:Table) | f.name]}) AS sources
}
CALL (t) {
  OPTIONAL MATCH (sub:Subject)-[:DESCRIBED_IN]->(t)
  WITH sub ORDER BY sub.name
  RETURN collect(sub {.kind, .key, .name}) AS subjects
}
RETURN t {.kind, .key, .name, .title, .system, .entityKind, .description} AS table, s.name AS systemName, columns, sources, subjects
