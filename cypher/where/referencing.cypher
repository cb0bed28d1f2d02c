// The tables that reference (foreign keys) a table holding the columns asked about, one row per referencing and referenced table, in checklist order (referencing table's system and name, the referenced table's name, ids): how many there are (`total`, on every row), and for each of the $limit after the first $skip the referenced table, the referencing table (with its erasure action), the referencing columns and where the reference is stated. The order is taken over references alone; only the page is projected. A page past the end is one row with `total` and nulls.
CALL () {
  MATCH (k:Node {id: $category})<-[:OF_CATEGORY]-(c:Column) WHERE k:Category RETURN c
  UNION
  MATCH (k:Node {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE k:Subject AND c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH DISTINCT t
MATCH (r:Table)-[ref:REFERENCES]->(t)
WITH {r: r, ref: ref, t: t} AS item ORDER BY r.system, r.name, t.name, r.id, t.id
WITH collect(item) AS items
WITH items, size(items) AS total, toInteger($skip) AS skip, toInteger($skip) + toInteger($limit) AS upto
UNWIND CASE WHEN total > skip THEN range(skip, CASE WHEN upto < total THEN upto ELSE total END - 1) ELSE [-1] END AS i
WITH total, i, CASE WHEN i >= 0 THEN items[i] END AS item
WITH total, i, item.r AS r, item.ref AS ref, item.t AS t
RETURN total, t.id AS references, t.name AS referencesName,
       CASE WHEN r IS NULL THEN null ELSE r {.kind, .key, .name, .system, .title, .erasureAction, .erasureReason, .erasureRetention, prov: r {.at}} END AS table,
       coalesce(ref.columns, []) AS columns, CASE WHEN ref IS NULL THEN null ELSE ref {.at} END AS prov
ORDER BY i
