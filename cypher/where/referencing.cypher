// The tables that reference (foreign keys) a table holding the columns asked about, one row per referencing and referenced table, in checklist order (referencing table's system and name, the referenced table's name, ids): how many there are (`total`, on every row), and for each of the $limit after the first $skip the referenced table, the referencing table (with its erasure action), the referencing columns and where the reference is stated. The order is taken over references alone; only the page is projected. A page past the end is one row with `total` and nulls.
// include where/asked-columns
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH DISTINCT t
MATCH (r:Table)-[ref:REFERENCES]->(t)
WITH {r: r, ref: ref, t: t} AS item ORDER BY r.system, r.name, t.name, r.id, t.id
WITH collect(item) AS items
// include where/page-slice
WITH total, i, item.r AS r, item.ref AS ref, item.t AS t
RETURN total, t.id AS references, t.name AS referencesName,
       CASE WHEN r IS NULL THEN null ELSE r {.kind, .key, .name, .system, .title, .erasureAction, .erasureReason, .erasureRetention, prov: r {.at}} END AS table,
       coalesce(ref.columns, []) AS columns, CASE WHEN ref IS NULL THEN null ELSE ref {.at} END AS prov
ORDER BY i
