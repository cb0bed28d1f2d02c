// The columns holding a data category (or a data subject's personal data), optionally in one system, one flat row each in checklist order, $limit of them after the first $skip: the column, its table (with its identity columns and erasure action) and its category; each with `prov`, the stored properties its provenance is read from (`elements/provenance.ts`). What references, writes or receives it: where/referencing, where/writers, where/sends.
CALL () {
  MATCH (k:Node {id: $category})<-[:OF_CATEGORY]-(c:Column) WHERE k:Category RETURN c
  UNION
  MATCH (k:Node {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE k:Subject AND c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (t:Table)-[:HAS_COLUMN]->(c)
OPTIONAL MATCH (c)-[:OF_CATEGORY]->(cat:Category)
WITH t, c, head(collect(cat)) AS cat
ORDER BY c.system, t.name, c.position, c.id
SKIP toInteger($skip) LIMIT toInteger($limit)
RETURN c {.kind, .key, .name, .system, .table, .columnKind, .erasureAction, .erasureReason, .erasureRetention, prov: c {.at, .suggested, .observedJob, .observedRunId, .observedEventTime}} AS column,
       t {.kind, .key, .name, .system, .title, .identity, .erasureAction, .erasureReason, .erasureRetention, prov: t {.at, .observedJob, .observedRunId, .observedEventTime}} AS table,
       CASE WHEN cat IS NULL THEN null ELSE cat {.kind, .key, .name} END AS category
