// Where personal data goes downstream of a node, as the inventory states it: the start's columns (with the edges that lead to them), every column those columns are copied into (column to column, so a copy carries only the categories its origin holds; each copy says whether the inventory states the mapping or it is category-scoped), and each flow from a reached column to a vendor with that flow's engagement (transfer status, mechanism, retention) and places. References are not flows and are never followed. From a system, also its engagements whose fields are not stated.
MATCH (a:Node {id: $from})
CALL (a) {
  CALL (a) {
    // A table: its own columns that can hold personal data.
    WITH a WHERE a:Table
    MATCH (a)-[h:HAS_COLUMN]->(c:Column) WHERE c.columnKind <> 'system'
    RETURN c, null AS t, [h {source: a.id, target: c.id, type: 'HAS_COLUMN', .at, .observedJob, .observedRunId, .observedEventTime}] AS edges
    UNION
    WITH a WHERE a:Column
    RETURN a AS c, null AS t, [] AS edges
    UNION
    // A system or a data subject: the columns of its tables.
    MATCH (a)-[s:CONTAINS|DESCRIBED_IN]->(t:Table)-[h:HAS_COLUMN]->(c:Column) WHERE c.columnKind <> 'system'
    RETURN c, t, [s {source: a.id, target: t.id, type: type(s), .at, .observedJob, .observedRunId, .observedEventTime}, h {source: t.id, target: c.id, type: 'HAS_COLUMN', .at, .observedJob, .observedRunId, .observedEventTime}] AS edges
    UNION
    // A source: the fields it names; in a table where it names none, what it copies there (a copying source) or the table's personal columns.
    MATCH (a)-[f:FILLS]->(c:Column)
    RETURN c, null AS t, [f {source: a.id, target: c.id, type: 'FILLS', .at, .observedJob, .observedRunId, .observedEventTime}] AS edges
    UNION
    MATCH (a:Source)-[f:FEEDS]->(t:Table)-[h:HAS_COLUMN]->(c:Column)
    WHERE NOT EXISTS { (a)-[:FILLS]->(:Column)<-[:HAS_COLUMN]-(t) }
      AND CASE WHEN EXISTS { (a)-[:READS_FROM]->(:Table) }
               THEN EXISTS { (:Column)-[:COPIED_TO {via: a.id}]->(c) }
               ELSE c.columnKind = 'personal' END
    RETURN c, t, [f {source: a.id, target: t.id, type: 'FEEDS', .at, .observedJob, .observedRunId, .observedEventTime}, h {source: t.id, target: c.id, type: 'HAS_COLUMN', .at, .observedJob, .observedRunId, .observedEventTime}] AS edges
    UNION
    // A category or a purpose (shared by every system): the columns that hold or serve it. Only ever a start.
    MATCH (a)<-[s:OF_CATEGORY|FOR_PURPOSE]-(c:Column)
    RETURN c, null AS t, [s {source: a.id, target: c.id, type: type(s), .at, .observedJob, .observedRunId, .observedEventTime, suggested: s.suggested}] AS edges
  }
  RETURN collect(DISTINCT c) AS startColumns, collect(DISTINCT t) AS startTables, reduce(acc = [], e IN collect(edges) | acc + e) AS startEdges
}
// Copies, column to column (bounded).
CALL (startColumns) {
  UNWIND startColumns AS s
  MATCH (s)-[:COPIED_TO*0..8]->(c:Column)
  RETURN collect(DISTINCT c) AS columns
}
CALL (columns) {
  UNWIND columns AS c
  MATCH (c)-[k:COPIED_TO]->(d:Column) WHERE d IN columns
  RETURN collect({source: c.id, target: d.id, via: k.via, viaName: COLLECT { MATCH (src:Source {id: k.via}) RETURN src.name }[0],
                  mapping: coalesce(k.mapping, 'stated'), at: k.at, observedJob: k.observedJob, observedRunId: k.observedRunId, observedEventTime: k.observedEventTime, categoryName: [(c)-[:OF_CATEGORY]->(cat:Category) | cat.name][0]}) AS copies
}
// Each flow from a reached column to a vendor, with its engagement read once.
CALL (columns) {
  UNWIND columns AS c
  MATCH (c)-[s:SENT_TO]->(v:Vendor)
  MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.flow = s.flow
  RETURN collect({
    column: c {.kind, .key, .name, .system, .table, .columnKind},
    category: [(c)-[:OF_CATEGORY]->(cat:Category) | cat {.kind, .key, .name}][0],
    vendor: v {.kind, .key, .name, .at},
    at: s.at,
    flow: u {.flow, .system, .service, .purpose, .role, .retention, .mechanism, .transfer, .legalName, .vendorName, .at},
    places: [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = s.flow
             | {type: type(l), transfer: l.transfer, at: l.at, location: loc {.kind, .key, .name, .code, .eea, .adequacy, .at}}]
  }) AS sends
}
// A system's engagements whose inventory names no field they receive: listed as flows with fields not stated, never dropped.
CALL (a) {
  MATCH (a:System)-[u:USES_VENDOR]->(v:Vendor)
  WHERE NOT EXISTS { MATCH (:Column)-[r:SENT_TO]->(v) WHERE r.flow = u.flow }
  RETURN collect({
    vendor: v {.kind, .key, .name, .at},
    flow: u {.flow, .system, .service, .purpose, .role, .retention, .mechanism, .transfer, .legalName, .vendorName, .at},
    places: [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow
             | {type: type(l), transfer: l.transfer, at: l.at, location: loc {.kind, .key, .name, .code, .eea, .adequacy, .at}}]
  }) AS silent
}
RETURN a {.kind, .key, .name, .system, .title, .table, .columnKind, .at, .suggested, .observedJob, .observedRunId, .observedEventTime} AS start,
       [c IN startColumns | c.id] AS startColumns, startEdges,
       [t IN startTables | t {.kind, .key, .name, .system, .title, .at, .observedJob, .observedRunId, .observedEventTime}] AS startTables,
       [c IN columns | c {.kind, .key, .name, .system, .table, .columnKind, .at, .suggested, .observedJob, .observedRunId, .observedEventTime, tableSeen: [(t:Table)-[:HAS_COLUMN]->(c) | t {.observedJob, .observedRunId, .observedEventTime}][0], tableAt: [(t:Table)-[:HAS_COLUMN]->(c) | t.at][0], category: [(c)-[:OF_CATEGORY]->(cat:Category) | cat.key][0], categoryName: [(c)-[:OF_CATEGORY]->(cat:Category) | cat.name][0]}] AS columns,
       copies, sends, silent
