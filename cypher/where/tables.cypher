// The tables holding the columns asked about (a data category, or a data subject's personal columns), optionally in one system, $limit of them after the first $skip in checklist order (system, name, id): each with its identity columns and erasure action, and the asked columns in it in position order (name, own erasure action); each with `prov`, the stored properties its provenance is read from. where/count counts them all.
CALL () {
  MATCH (k:Node {id: $category})<-[:OF_CATEGORY]-(c:Column) WHERE k:Category RETURN c
  UNION
  MATCH (k:Node {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE k:Subject AND c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH t, c ORDER BY c.position, c.id
WITH t, collect(c {.name, .erasureAction, .erasureReason, .erasureRetention, prov: c {.at, .suggested, .observedJob, .observedRunId, .observedEventTime}}) AS columns
ORDER BY t.system, t.name, t.id
SKIP toInteger($skip) LIMIT toInteger($limit)
RETURN t {.kind, .key, .name, .system, .title, .identity, .erasureAction, .erasureReason, .erasureRetention, prov: t {.at, .observedJob, .observedRunId, .observedEventTime}} AS table, columns
