// The nodes within 2 step(s) of a node (any relationship, either direction, optionally only some kinds), nearest first, capped at $max (with the kinds of those left out), each with its depth and outgoing relationships.
MATCH (c:Node {id: $id})
CALL (c) {
  OPTIONAL MATCH (c)--(n:Node) WHERE $kinds IS NULL OR n.kind IN $kinds
  RETURN collect(DISTINCT n) AS l1
}
// Layer 2: neighbours of layer 1 (repeats of nearer nodes are dropped below by their smallest depth).
CALL (l1) {
  UNWIND l1 AS x
  OPTIONAL MATCH (x)--(n:Node) WHERE $kinds IS NULL OR n.kind IN $kinds
  RETURN collect(DISTINCT n) AS l2
}
UNWIND [{ns: [c], depth: 0}, {ns: l1, depth: 1}, {ns: l2, depth: 2}] AS layer
UNWIND layer.ns AS n
WITH n, min(layer.depth) AS depth
ORDER BY depth, n.kind, n.name
WITH collect({n: n, depth: depth}) AS found
WITH found[..$max] AS kept, size(found) > $max AS truncated,
     COLLECT { UNWIND found[$max..] AS x WITH x.n.kind AS kind, count(*) AS left RETURN {kind: kind, count: left} } AS omitted
UNWIND kept AS k
WITH k.n AS n, k.depth AS depth, truncated, omitted
RETURN n {.kind, .key, .name, .system, .title, .table, .columnKind, .eea} AS node, depth, truncated, omitted,
       [(n)-[r]->(m:Node) | {source: n.id, target: m.id, type: type(r), columns: r.columns, label: r.label}] AS out
