// The graph facts an assessment covers: each node ($ids) with its properties and relationships, each vendor flow ($flows) with its engagement, the fields it receives and its places, and each flow into another of our systems ($flows) with its statement, the stored flow, the fields its copies carry and the target system's legal entity and hosting countries.
CALL () {
  UNWIND $ids AS id
  OPTIONAL MATCH (n:Node {id: id})
  OPTIONAL MATCH (n)-[r]-(m:Node)
  WITH id, n, collect(CASE WHEN r IS NULL THEN null ELSE {out: startNode(r) = n, type: type(r), other: m.id, props: properties(r)} END) AS rels
  RETURN collect({ref: id, props: CASE WHEN n IS NULL THEN null ELSE properties(n) END, rels: rels}) AS nodes
}
CALL () {
  UNWIND $flows AS flow
  OPTIONAL MATCH (src:Node {id: 'source:' + flow}) WHERE src:Source AND src.crossSystem = true AND src.flow = flow
  OPTIONAL MATCH (s:System)-[u:USES_VENDOR {flow: flow}]->(v:Vendor)
  WITH flow, s, u, v WHERE u IS NOT NULL OR src IS NULL
  OPTIONAL MATCH (c:Column)-[r:SENT_TO]->(v) WHERE r.flow = flow
  WITH flow, s, u, v, collect(DISTINCT c.id) AS fields
  OPTIONAL MATCH (v)-[p:LOCATED_IN|STORES_DATA_IN]->(l:Location) WHERE p.flow = flow
  WITH flow, s, u, fields, collect(DISTINCT {type: type(p), place: l.id, props: properties(p)}) AS places
  RETURN collect({ref: flow, props: CASE WHEN u IS NULL THEN null ELSE properties(u) END, rels: [{type: 'SENT_TO', fields: fields}] + places}) AS vendorFlows
}
CALL () {
  UNWIND $flows AS flow
  MATCH (src:Node {id: 'source:' + flow}) WHERE src:Source AND src.crossSystem = true AND src.flow = flow
  OPTIONAL MATCH (:System)-[u:USES_VENDOR {flow: flow}]->(:Vendor)
  WITH flow, src WHERE u IS NULL
  OPTIONAL MATCH (t:Node {id: 'system:' + src.targetSystem})
  OPTIONAL MATCH (:Node {id: 'system:' + src.system})-[st:SENDS_TO]->(t) WHERE st.flow = flow
  OPTIONAL MATCH (src)-[:READS_FROM]->(:Table)-[:HAS_COLUMN]->(c:Column)-[r:COPIED_TO]->(d:Column) WHERE r.flow = flow
  WITH flow, src, t, st, collect(DISTINCT {from: c.id, to: d.id, mapping: r.mapping}) AS copies
  RETURN collect({ref: flow, props: properties(src), rels: [{type: 'SENDS_TO', props: CASE WHEN st IS NULL THEN null ELSE properties(st) END},
    {type: 'COPIED_TO', copies: [x IN copies WHERE x.from IS NOT NULL]},
    {type: 'TARGET', target: CASE WHEN t IS NULL THEN null ELSE t {.legalName, .entityCountry, .hostingCountries} END}]}) AS systemFlows
}
RETURN nodes, vendorFlows + systemFlows AS flows
