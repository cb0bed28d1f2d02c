// The nodes within 1 step(s) of a node (any relationship, either direction, optionally only some kinds), nearest first, capped at $max, each with its depth and outgoing relationships, and how many nodes of each depth and kind were found in the layers the cap reaches into (the service subtracts those kept to say what was left out).
MATCH (c:Node {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)--(n:Node) WHERE $kinds IS NULL OR n.kind IN $kinds
  RETURN collect(DISTINCT n) AS l1
}
UNWIND [{ns: [c], depth: 0}, {ns: l1, depth: 1}] AS layer
UNWIND layer.ns AS n
WITH n, min(layer.depth) AS depth
// Whole layers are kept while they fit under $max; only the layer where the cap falls is ordered (a top-N, not a sort
// of everything found), and the layers past it are only counted, by kind (read from the node's label).
WITH depth, collect(n) AS ns
ORDER BY depth
WITH collect({depth: depth, ns: ns}) AS layers
WITH reduce(acc = {seen: 0, rows: []}, l IN layers | {seen: acc.seen + size(l.ns), rows: acc.rows + [{depth: l.depth, ns: l.ns, before: acc.seen}]}) AS r
WITH r.rows AS rows, r.seen > $max AS truncated
// Layers the cap reaches into, counted by depth and kind (from the label: no property read per node).
CALL (rows) {
  UNWIND rows AS l
  WITH l WHERE l.before + size(l.ns) > $max
  UNWIND l.ns AS n
  WITH l.depth AS depth, toLower(head([x IN labels(n) WHERE x <> 'Node'])) AS kind, count(*) AS found
  RETURN collect({depth: depth, kind: kind, count: found}) AS counted
}
CALL (rows) {
  UNWIND rows AS l
  WITH l WHERE l.before < $max
  CALL (l) {
    UNWIND l.ns AS n
    WITH n ORDER BY n.kind, n.name
    LIMIT toInteger($max)
    RETURN collect(n) AS ordered
  }
  UNWIND ordered[..toInteger($max - l.before)] AS n
  RETURN n, l.depth AS depth
}
WITH n, depth, truncated, counted
ORDER BY depth, n.kind, n.name
RETURN n {.kind, .key, .name, .system, .title, .table, .columnKind, .eea} AS node, depth, truncated, counted,
       [(n)-[r]->(m:Node) | {source: n.id, target: m.id, type: type(r), columns: r.columns, label: r.label}] AS out
