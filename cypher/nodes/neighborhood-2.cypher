// The nodes within 2 step(s) of a node (any relationship, either direction, optionally only some kinds), nearest first, capped at $max, each with its depth and outgoing relationships, and how many nodes of each kind it found. Copies whose column mappings the inventory does not state are not column pairs here: their table → table edge stands for them.
MATCH (c:Node {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)-[r]-(n:Node) WHERE coalesce(r.mapping, '') <> 'category' AND ($kinds IS NULL OR n.kind IN $kinds)
  RETURN collect(DISTINCT n) AS l1
}
// Layer 2: neighbours of layer 1 (repeats of nearer nodes are dropped below by their smallest depth).
CALL (l1) {
  UNWIND l1 AS x
  OPTIONAL MATCH (x)-[r]-(n:Node) WHERE coalesce(r.mapping, '') <> 'category' AND ($kinds IS NULL OR n.kind IN $kinds)
  RETURN collect(DISTINCT n) AS l2
}
UNWIND [{ns: [c], depth: 0}, {ns: l1, depth: 1}, {ns: l2, depth: 2}] AS layer
UNWIND layer.ns AS n
WITH n, min(layer.depth) AS depth
ORDER BY depth, n.kind, n.name
WITH collect({n: n, depth: depth}) AS found
// What was found, by kind (from the label): the service subtracts the kept ones to say what the cap left out.
WITH found[..$max] AS kept, size(found) > $max AS truncated,
     COLLECT { UNWIND found AS f WITH toLower(head([x IN labels(f.n) WHERE x <> 'Node'])) AS kind, count(*) AS seen RETURN {kind: kind, count: seen} } AS counted
UNWIND kept AS k
WITH k.n AS n, k.depth AS depth, truncated, counted
RETURN n {.kind, .key, .name, .system, .title, .table, .columnKind, .eea, .at, .suggested, .observedJob, .observedRunId, .observedEventTime} AS node, depth, truncated, counted,
       [(n)-[r]->(m:Node) WHERE coalesce(r.mapping, '') <> 'category' | {source: n.id, target: m.id, type: type(r), columns: r.columns, label: r.label, at: r.at, suggested: r.suggested}] AS out
