// Every column the start columns ($ids) are copied into, column to column (bounded; a copy carries only what its origin holds), themselves included: one row each with its properties, its table's statement, its category, the copies out of it (whether the inventory states the mapping or it is category-scoped) and its flows to vendors (ids only; cypher/trace/flows reads each engagement once).
UNWIND $ids AS id
MATCH (:Node {id: id})-[:COPIED_TO*0..8]->(c:Column)
WITH DISTINCT c
OPTIONAL MATCH (c)-[:OF_CATEGORY]->(cat:Category)
WITH c, head(collect(cat)) AS cat
RETURN c {.kind, .key, .name, .system, .table, .columnKind, .at, .suggested, .observedJob, .observedRunId, .observedEventTime, tableSeen: [(t:Table)-[:HAS_COLUMN]->(c) | t {.observedJob, .observedRunId, .observedEventTime}][0], tableAt: [(t:Table)-[:HAS_COLUMN]->(c) | t.at][0], category: cat.key, categoryName: cat.name} AS column,
       CASE WHEN cat IS NULL THEN null ELSE cat {.kind, .key, .name} END AS category,
       [(c)-[k:COPIED_TO]->(d:Column) | {target: d.id, via: k.via, mapping: coalesce(k.mapping, 'stated'), at: k.at, observedJob: k.observedJob, observedRunId: k.observedRunId, observedEventTime: k.observedEventTime}] AS copies,
       [(c)-[s:SENT_TO]->(v:Vendor) | {vendor: v.id, flow: s.flow, at: s.at}] AS sends
