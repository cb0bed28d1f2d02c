// The tables holding the columns asked about (a data category, or a data subject's personal columns), optionally in one system, in checklist order (system, name, id): how many there are (`total`, on every row), and for each of the $limit after the first $skip its identity columns and erasure action, and the asked columns in it in position order (name, own erasure action); each with `prov`, the stored properties its provenance is read from. The order is taken over node references alone; only the page is projected. A page past the end is one row with `total` and nulls.
CALL () {
  MATCH (k:Node {id: $category})<-[:OF_CATEGORY]-(c:Column) WHERE k:Category RETURN c
  UNION
  MATCH (k:Node {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE k:Subject AND c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH t, c ORDER BY c.position, c.id
WITH t, collect(c) AS cs
WITH {t: t, cs: cs} AS item ORDER BY t.system, t.name, t.id
WITH collect(item) AS items
WITH items, size(items) AS total, toInteger($skip) AS skip, toInteger($skip) + toInteger($limit) AS upto
UNWIND CASE WHEN total > skip THEN range(skip, CASE WHEN upto < total THEN upto ELSE total END - 1) ELSE [-1] END AS i
WITH total, i, CASE WHEN i >= 0 THEN items[i] END AS item
WITH total, i, item.t AS t, item.cs AS cs
RETURN total,
       CASE WHEN t IS NULL THEN null ELSE t {.kind, .key, .name, .system, .title, .identity, .erasureAction, .erasureReason, .erasureRetention, prov: t {.at, .observedJob, .observedRunId, .observedEventTime}} END AS table,
       [c IN coalesce(cs, []) | c {.name, .erasureAction, .erasureReason, .erasureRetention, prov: c {.at, .suggested, .observedJob, .observedRunId, .observedEventTime}}] AS columns
ORDER BY i
