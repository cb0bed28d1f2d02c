// Which of the given node ids ($nodes) and vendor flow ids ($flows) name nothing in the graph.
CALL () { UNWIND $nodes AS id OPTIONAL MATCH (n:Node {id: id}) WITH id, n WHERE n IS NULL RETURN collect(id) AS missingNodes }
CALL () { UNWIND $flows AS flow OPTIONAL MATCH (:System)-[u:USES_VENDOR {flow: flow}]->(:Vendor) WITH flow, u WHERE u IS NULL RETURN collect(flow) AS missingFlows }
RETURN missingNodes, missingFlows
