// The columns holding a data category (or a data subject's personal data), optionally in one system, in checklist order: how many there are (`total`, on every row), and one flat row for each of the $limit after the first $skip: the column, its table (with its identity columns and erasure action) and its category; each with `prov`, the stored properties its provenance is read from (`elements/provenance.ts`). The order is taken over node references alone; only the page is projected. A page past the end is one row with `total` and nulls. What references, writes or receives it: where/referencing, where/writers, where/sends.
CALL () {
  MATCH (k:Node {id: $category})<-[:OF_CATEGORY]-(c:Column) WHERE k:Category RETURN c
  UNION
  MATCH (k:Node {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE k:Subject AND c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH {t: t, c: c} AS item ORDER BY c.system, t.name, c.position, c.id
WITH collect(item) AS items
WITH items, size(items) AS total, toInteger($skip) AS skip, toInteger($skip) + toInteger($limit) AS upto
UNWIND CASE WHEN total > skip THEN range(skip, CASE WHEN upto < total THEN upto ELSE total END - 1) ELSE [-1] END AS i
WITH total, i, CASE WHEN i >= 0 THEN items[i] END AS item
WITH total, i, item.t AS t, item.c AS c
RETURN total,
       CASE WHEN c IS NULL THEN null ELSE c {.kind, .key, .name, .system, .table, .columnKind, .erasureAction, .erasureReason, .erasureRetention, prov: c {.at, .suggested, .observedJob, .observedRunId, .observedEventTime}} END AS column,
       CASE WHEN t IS NULL THEN null ELSE t {.kind, .key, .name, .system, .title, .identity, .erasureAction, .erasureReason, .erasureRetention, prov: t {.at, .observedJob, .observedRunId, .observedEventTime}} END AS table,
       [(c)-[:OF_CATEGORY]->(cat:Category) | cat {.kind, .key, .name}][0] AS category
ORDER BY i
