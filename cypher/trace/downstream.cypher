// Where personal data goes downstream of a node, along data-flow edges only: the start edges, the tables the data is copied to, the personal columns that are sent to vendors, and for each such flow the vendor's countries for that flow's system.
MATCH (a:Node {id: $from})
// Start tables: a system's, a subject's, a source's, or the table itself. A source that names the fields it fills in a
// table reaches those fields (FILLS, below), not the whole table.
CALL (a) {
  CALL (a) {
    MATCH (a)-[s:CONTAINS|DESCRIBED_IN|FEEDS]->(t:Table)
    WHERE NOT EXISTS { (a)-[:FILLS]->(:Column)<-[:HAS_COLUMN]-(t) }
    RETURN t, {source: a.id, target: t.id, type: type(s)} AS edge
    UNION
    WITH a WHERE a:Table
    RETURN a AS t, null AS edge
  }
  RETURN collect(t) AS startTables, collect(edge) AS startEdges
}
// Copies between tables (bounded; a BFS over COPIED_TO, each table once).
CALL (startTables) {
  UNWIND startTables AS s
  MATCH (s)-[:COPIED_TO*0..8]->(t:Table)
  RETURN collect(DISTINCT t) AS tables
}
CALL (tables) {
  UNWIND tables AS t
  MATCH (t)-[c:COPIED_TO]->(u:Table) WHERE u IN tables
  RETURN collect({source: t.id, target: u.id, type: 'COPIED_TO', via: c.via}) AS copies
}
// Columns that are sent to a vendor: personal columns of the reached tables (and reference columns the inventory names in a
// flow, e.g. the user id of a wishlist sent to Strands; system columns never carry personal data), columns a source fills,
// the column itself, or the columns of a category or purpose. Categories and purposes are shared by every system, so they
// are only ever a start: nothing is followed back into them.
CALL (a, tables) {
  CALL (a, tables) {
    UNWIND tables AS t
    MATCH (t)-[:HAS_COLUMN]->(c:Column)
    WHERE c.columnKind IN ['personal', 'reference'] AND EXISTS { (c)-[:SENT_TO]->(:Vendor) }
    RETURN c, {source: t.id, target: c.id, type: 'HAS_COLUMN'} AS edge
    UNION
    MATCH (a)-[:FILLS]->(c:Column)
    WHERE EXISTS { (c)-[:SENT_TO]->(:Vendor) }
    RETURN c, {source: a.id, target: c.id, type: 'FILLS'} AS edge
    UNION
    MATCH (a)<-[s:OF_CATEGORY|FOR_PURPOSE]-(c:Column)
    WHERE EXISTS { (c)-[:SENT_TO]->(:Vendor) }
    RETURN c, {source: c.id, target: a.id, type: type(s)} AS edge
    UNION
    WITH a WHERE a:Column AND EXISTS { (a)-[:SENT_TO]->(:Vendor) }
    RETURN a AS c, null AS edge
  }
  RETURN collect(DISTINCT c) AS columns, collect(edge) AS columnEdges
}
// Each flow to a vendor, with the vendor's countries and retention for that flow's system (and service) only.
CALL (columns) {
  UNWIND columns AS c
  MATCH (c)-[s:SENT_TO]->(v:Vendor)
  RETURN collect({
    column: c {.kind, .key, .name, .system, .table, .columnKind},
    category: [(c)-[:OF_CATEGORY]->(cat:Category) | cat {.kind, .key, .name}][0],
    vendor: v {.kind, .key, .name},
    system: s.system, service: s.service, purpose: s.purpose,
    places: [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location)
             WHERE l.system = s.system AND coalesce(l.service, '') = coalesce(s.service, '')
             | {type: type(l), location: loc {.kind, .key, .name, .code, .eea}}],
    retention: [(sys:System)-[u:USES_VENDOR]->(v)
                WHERE sys.system = s.system AND coalesce(u.service, '') = coalesce(s.service, '') AND u.purpose = s.purpose AND u.retention IS NOT NULL
                | u.retention]
  }) AS sends
}
RETURN a {.kind, .key, .name, .system, .title, .table, .columnKind} AS start, startEdges,
       [t IN tables | t {.kind, .key, .name, .system, .title}] AS tables, copies, columnEdges, sends
