// The shortest data-flow paths between two nodes: data-flow edges in the direction data flows, all within the start's system; copies only column to column (what a copy carries; a category-scoped one, whose columns the inventory does not state, with both tables and its category, for the answer to show as the table → table copy), never table to table; a category or purpose can only be the first or last step (through one of its columns), so no path crosses systems through it.
MATCH (a:Node {id: $from}), (b:Node {id: $to})
CALL (a) {
  MATCH (a)<-[x:OF_CATEGORY|FOR_PURPOSE]-(c:Column) RETURN c AS s, type(x) AS firstType
  UNION
  WITH a WHERE NOT (a:Category OR a:Purpose) RETURN a AS s, null AS firstType
}
CALL (b) {
  MATCH (b)<-[x:OF_CATEGORY|FOR_PURPOSE]-(c:Column) RETURN c AS e, type(x) AS lastType
  UNION
  WITH b WHERE NOT (b:Category OR b:Purpose) RETURN b AS e, null AS lastType
}
OPTIONAL MATCH p = allShortestPaths((s)-[:CONTAINS|DESCRIBED_IN|FEEDS|FILLS|COPIED_TO|HAS_COLUMN|SENT_TO|LOCATED_IN|STORES_DATA_IN*0..10]->(e))
WHERE all(r IN relationships(p) WHERE (s.system IS NULL OR coalesce(r.system, startNode(r).system) = s.system) AND NOT (type(r) = 'COPIED_TO' AND startNode(r):Table))
WITH a, b, s, e, firstType, lastType, p
ORDER BY length(p)
WITH a, b, collect(CASE WHEN p IS NULL THEN null ELSE {s: s, e: e, p: p, firstType: firstType, lastType: lastType} END) AS found
WITH a, b, [f IN found WHERE length(f.p) = length(found[0].p)] AS shortest
// Parallel relationships (one flow per service or purpose) make the same walk twice: keep one per sequence of nodes.
UNWIND CASE WHEN size(shortest) = 0 THEN [null] ELSE shortest END AS f
WITH a, b, f, CASE WHEN f IS NULL THEN null ELSE [f.firstType, f.lastType] + [n IN nodes(f.p) | n.id] END AS walk
WITH a, b, walk, head(collect(f)) AS f
WITH a, b, collect(f)[..$max] AS shortest
RETURN a {.kind, .key, .name, .system, .title, .table, .columnKind, .eea, .at, .suggested, .observedJob, .observedRunId, .observedEventTime} AS from,
       b {.kind, .key, .name, .system, .title, .table, .columnKind, .eea, .at, .suggested, .observedJob, .observedRunId, .observedEventTime} AS to,
       [f IN shortest | {
         nodes: [n IN nodes(f.p) | n {.kind, .key, .name, .system, .title, .table, .columnKind, .eea, .at, .suggested, .observedJob, .observedRunId, .observedEventTime}],
         rels: [r IN relationships(f.p) | {source: startNode(r).id, target: endNode(r).id, type: type(r), props: {at: r.at, mapping: r.mapping, suggested: r.suggested},
                copy: CASE WHEN r.mapping = 'category' THEN {
                  from: [(t:Table)-[:HAS_COLUMN]->(x) WHERE x = startNode(r) | t {.kind, .key, .name, .system, .title, .at}][0],
                  to: [(t:Table)-[:HAS_COLUMN]->(x) WHERE x = endNode(r) | t {.kind, .key, .name, .system, .title, .at}][0],
                  category: [(x)-[:OF_CATEGORY]->(c:Category) WHERE x = endNode(r) | c.name][0]
                } END}],
         first: CASE WHEN f.firstType IS NULL THEN null ELSE {source: f.s.id, target: a.id, type: f.firstType, props: {at: f.s.at, suggested: f.s.suggested}} END,
         last: CASE WHEN f.lastType IS NULL THEN null ELSE {source: f.e.id, target: b.id, type: f.lastType, props: {at: f.e.at, suggested: f.e.suggested}} END
       }] AS paths
