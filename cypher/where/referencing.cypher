// The tables that reference (foreign keys) a table holding the columns asked about, one row per referencing and referenced table, $limit of them after the first $skip in checklist order (referencing table's system and name, the referenced table's name, ids): the referenced table, the referencing table (with its erasure action), the referencing columns and where the reference is stated. where/count counts them all.
CALL () {
  MATCH (k:Node {id: $category})<-[:OF_CATEGORY]-(c:Column) WHERE k:Category RETURN c
  UNION
  MATCH (k:Node {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE k:Subject AND c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH DISTINCT t
MATCH (r:Table)-[ref:REFERENCES]->(t)
WITH r, ref, t ORDER BY r.system, r.name, t.name, r.id, t.id
SKIP toInteger($skip) LIMIT toInteger($limit)
RETURN t.id AS references, t.name AS referencesName, r {.kind, .key, .name, .system, .title, .erasureAction, .erasureReason, .erasureRetention, prov: r {.at}} AS table, coalesce(ref.columns, []) AS columns, ref {.at} AS prov
