// Which of the given node ids ($nodes) and flow ids ($flows: vendor flows, or flows into another of our systems) name nothing in the graph.
CALL () { UNWIND $nodes AS id OPTIONAL MATCH (n:Node {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missingNodes }
CALL () {
  UNWIND $flows AS flow
  OPTIONAL MATCH (:System)-[u:USES_VENDOR {flow: flow}]->(:Vendor)
  OPTIONAL MATCH (src:Node {id: 'source:' + flow}) WHERE src:Source AND src.crossSystem = true AND src.flow = flow
  WITH flow, u, src WHERE u IS NULL AND src IS NULL
  RETURN collect(flow) AS missingFlows
}
RETURN missingNodes, missingFlows
