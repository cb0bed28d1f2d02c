// The columns holding a data category (or a data subject's personal data), optionally in one system, in checklist order: how many there are (`total`, on every row), and one flat row for each of the $limit after the first $skip: the column, its table (with its identity columns and erasure action) and its category; each with `prov`, the stored properties its provenance is read from (`elements/provenance.ts`). The order is taken over node references alone; only the page is projected. A page past the end is one row with `total` and nulls. What references, writes or receives it: where/referencing, where/writers, where/sends.
// include where/asked-columns
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH {t: t, c: c} AS item ORDER BY c.system, t.name, c.position, c.id
WITH collect(item) AS items
// include where/page-slice
WITH total, i, item.t AS t, item.c AS c
RETURN total,
       CASE WHEN c IS NULL THEN null ELSE c {.kind, .key, .name, .system, .table, .columnKind, .erasureAction, .erasureReason, .erasureRetention, prov: c {.at, .suggested, .observedJob, .observedRunId, .observedEventTime}} END AS column,
       CASE WHEN t IS NULL THEN null ELSE t {.kind, .key, .name, .system, .title, .identity, .erasureAction, .erasureReason, .erasureRetention, prov: t {.at, .observedJob, .observedRunId, .observedEventTime}} END AS table,
       [(c)-[:OF_CATEGORY]->(cat:Category) | cat {.kind, .key, .name}][0] AS category
ORDER BY i
