// The whole graph: every node (id, labels, all properties) and every relationship (start id, type, end id, all properties), for a checksum; not the load sequence nor the overview summaries computed from the rest at each load (LoadState, SystemSummary), which count loads rather than state facts.
CALL () { MATCH (n) WHERE NOT n:LoadState AND NOT n:SystemSummary RETURN collect({id: n.id, labels: labels(n), props: properties(n)}) AS nodes }
CALL () { MATCH (a)-[r]->(b) RETURN collect({from: a.id, type: type(r), to: b.id, props: properties(r)}) AS relationships }
RETURN nodes, relationships
