// The node a trace starts from and the columns it starts from, one row per column (one row with a null column when there is none; no row: no such node): the start's properties, the column's id, the start table it is reached through (or null), and the start edges that lead to it. A table: its columns that can hold personal data; a column: itself; a system or a data subject: the columns of its tables; a source: the fields it names, or in a table where it names none, what it copies there (a copying source) or the table's personal columns; a category or a purpose: the columns that hold or serve it. References are not flows and are never followed.
MATCH (a:Node {id: $from})
OPTIONAL CALL (a) {
  WITH a WHERE a:Table
  MATCH (a)-[h:HAS_COLUMN]->(c:Column) WHERE c.columnKind <> 'system'
  RETURN c, null AS t, [h {source: a.id, target: c.id, type: 'HAS_COLUMN', .at, .observedJob, .observedRunId, .observedEventTime}] AS edges
  UNION
  WITH a WHERE a:Column
  RETURN a AS c, null AS t, [] AS edges
  UNION
  MATCH (a)-[s:CONTAINS|DESCRIBED_IN]->(t:Table)-[h:HAS_COLUMN]->(c:Column) WHERE c.columnKind <> 'system'
  RETURN c, t, [s {source: a.id, target: t.id, type: type(s), .at, .observedJob, .observedRunId, .observedEventTime}, h {source: t.id, target: c.id, type: 'HAS_COLUMN', .at, .observedJob, .observedRunId, .observedEventTime}] AS edges
  UNION
  MATCH (a)-[f:FILLS]->(c:Column)
  RETURN c, null AS t, [f {source: a.id, target: c.id, type: 'FILLS', .at, .observedJob, .observedRunId, .observedEventTime}] AS edges
  UNION
  MATCH (a:Source)-[f:FEEDS]->(t:Table)-[h:HAS_COLUMN]->(c:Column)
  WHERE NOT EXISTS { (a)-[:FILLS]->(:Column)<-[:HAS_COLUMN]-(t) }
    AND CASE WHEN EXISTS { (a)-[:READS_FROM]->(:Table) }
             THEN EXISTS { (:Column)-[:COPIED_TO {via: a.id}]->(c) }
             ELSE c.columnKind = 'personal' END
  RETURN c, t, [f {source: a.id, target: t.id, type: 'FEEDS', .at, .observedJob, .observedRunId, .observedEventTime}, h {source: t.id, target: c.id, type: 'HAS_COLUMN', .at, .observedJob, .observedRunId, .observedEventTime}] AS edges
  UNION
  MATCH (a)<-[s:OF_CATEGORY|FOR_PURPOSE]-(c:Column)
  RETURN c, null AS t, [s {source: a.id, target: c.id, type: type(s), .at, .observedJob, .observedRunId, .observedEventTime, suggested: s.suggested}] AS edges
}
RETURN a {.kind, .key, .name, .system, .title, .table, .columnKind, .at, .suggested, .observedJob, .observedRunId, .observedEventTime} AS start,
       c.id AS column, CASE WHEN t IS NULL THEN null ELSE t {.kind, .key, .name, .system, .title, .at, .observedJob, .observedRunId, .observedEventTime} END AS table, edges
