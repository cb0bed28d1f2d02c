// Every column holding a data category (or a data subject's personal data), optionally in one system: its table (with its identity columns and erasure action), the tables referencing that table, the sources that write it and the vendor flows that receive it; each with `prov`, the stored properties its provenance is read from (`elements/provenance.ts`).
CALL () {
  MATCH (:Category {id: $category})<-[:OF_CATEGORY]-(c:Column) RETURN c
  UNION
  MATCH (:Subject {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH t, c ORDER BY c.system, t.name, c.position
RETURN c {.kind, .key, .name, .system, .table, .columnKind, .erasureAction, .erasureReason, .erasureRetention, prov: c {.at, .suggested, .observedJob, .observedRunId, .observedEventTime}} AS column,
       t {.kind, .key, .name, .system, .title, .identity, .erasureAction, .erasureReason, .erasureRetention, prov: t {.at, .observedJob, .observedRunId, .observedEventTime}} AS table,
       [(c)-[:OF_CATEGORY]->(cat:Category) | cat {.kind, .key, .name}][0] AS category,
       [(r:Table)-[ref:REFERENCES]->(t) | {table: r {.kind, .key, .name, .system, .title, .erasureAction, .erasureReason, .erasureRetention, prov: r {.at}}, columns: coalesce(ref.columns, []), prov: ref {.at}}] AS referencedBy,
       [(s:Source)-[w:FILLS]->(c) | {source: s {.kind, .key, .name, .system, prov: s {.at, .observedJob, .observedRunId, .observedEventTime}}, how: 'fills', prov: w {.at}}]
       + [(s:Source)-[w:FEEDS]->(t) WHERE NOT EXISTS { (s)-[:FILLS]->(:Column)<-[:HAS_COLUMN]-(t) } AND NOT EXISTS { (s)-[:READS_FROM]->(:Table) } | {source: s {.kind, .key, .name, .system, prov: s {.at, .observedJob, .observedRunId, .observedEventTime}}, how: 'feeds', prov: w {.at, .observedJob, .observedRunId, .observedEventTime}}]
       + [(o:Column)-[cp:COPIED_TO]->(c) | {source: [(s:Source)-[:FEEDS]->(t) WHERE s.id = cp.via | s {.kind, .key, .name, .system, prov: s {.at, .observedJob, .observedRunId, .observedEventTime}}][0], how: 'copies', from: o.id, prov: cp {.at, .mapping}}] AS writers,
       [(c)-[r:SENT_TO]->(v:Vendor) | {vendor: v {.kind, .key, .name}, flow: [(:System)-[u:USES_VENDOR]->(v) WHERE u.flow = r.flow | u {.flow, .system, .service, .purpose, .role, .legalName, .retention, .mechanism, .transfer, .privacyContact, prov: u {.at}}][0],
         places: [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = r.flow | {type: type(l), location: loc {.code, .name, .eea}}], prov: r {.at}}] AS sends
