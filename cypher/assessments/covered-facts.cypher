// The graph facts an assessment covers: each node ($ids) with its properties and relationships, each vendor flow ($flows) with its engagement, the fields it receives and its places.
CALL () {
  UNWIND $ids AS id
  OPTIONAL MATCH (n:Node {id: id})
  OPTIONAL MATCH (n)-[r]-(m:Node)
  WITH id, n, collect(CASE WHEN r IS NULL THEN null ELSE {out: startNode(r) = n, type: type(r), other: m.id, props: properties(r)} END) AS rels
  RETURN collect({ref: id, props: CASE WHEN n IS NULL THEN null ELSE properties(n) END, rels: rels}) AS nodes
}
CALL () {
  UNWIND $flows AS flow
  OPTIONAL MATCH (s:System)-[u:USES_VENDOR {flow: flow}]->(v:Vendor)
  OPTIONAL MATCH (c:Column)-[r:SENT_TO]->(v) WHERE r.flow = flow
  WITH flow, s, u, v, collect(DISTINCT c.id) AS fields
  OPTIONAL MATCH (v)-[p:LOCATED_IN|STORES_DATA_IN]->(l:Location) WHERE p.flow = flow
  WITH flow, s, u, fields, collect(DISTINCT {type: type(p), place: l.id, props: properties(p)}) AS places
  RETURN collect({ref: flow, props: CASE WHEN u IS NULL THEN null ELSE properties(u) END, rels: [{type: 'SENT_TO', fields: fields}] + places}) AS flows
}
RETURN nodes, flows
