// The tables holding the columns asked about (a data category, or a data subject's personal columns), optionally in one system, in checklist order (system, name, id): how many there are (`total`, on every row), and for each of the $limit after the first $skip its identity columns and erasure action, and the asked columns in it in position order (name, own erasure action); each with `prov`, the stored properties its provenance is read from. The order is taken over node references alone; only the page is projected. A page past the end is one row with `total` and nulls.
// include where/asked-columns
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH t, c ORDER BY c.position, c.id
WITH t, collect(c) AS cs
WITH {t: t, cs: cs} AS item ORDER BY t.system, t.name, t.id
WITH collect(item) AS items
// include where/page-slice
WITH total, i, item.t AS t, item.cs AS cs
RETURN total,
       CASE WHEN t IS NULL THEN null ELSE t {.kind, .key, .name, .system, .title, .identity, .erasureAction, .erasureReason, .erasureRetention, prov: t {.at, .observedJob, .observedRunId, .observedEventTime}} END AS table,
       [c IN coalesce(cs, []) | c {.name, .erasureAction, .erasureReason, .erasureRetention, prov: c {.at, .suggested, .observedJob, .observedRunId, .observedEventTime}}] AS columns
ORDER BY i
