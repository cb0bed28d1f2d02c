// The sources that write the columns asked about (a data category, or a data subject's personal columns), optionally in one system, one flat row per column and way of writing, in checklist order (system, table, position): it fills the column, feeds its table (naming no field there and copying nothing), or copies into it from another column (the copying source, null when not found); each with where it is stated.
// include where/asked-columns
MATCH (t:Table)-[:HAS_COLUMN]->(c)
CALL (t, c) {
  MATCH (s:Source)-[w:FILLS]->(c)
  RETURN s, 'fills' AS how, null AS from, w {.at} AS prov
  UNION ALL
  MATCH (s:Source)-[w:FEEDS]->(t) WHERE NOT EXISTS { (s)-[:FILLS]->(:Column)<-[:HAS_COLUMN]-(t) } AND NOT EXISTS { (s)-[:READS_FROM]->(:Table) }
  RETURN s, 'feeds' AS how, null AS from, w {.at, .observedJob, .observedRunId, .observedEventTime} AS prov
  UNION ALL
  MATCH (o:Column)-[cp:COPIED_TO]->(c)
  OPTIONAL MATCH (s:Source)-[:FEEDS]->(t) WHERE s.id = cp.via
  RETURN s, 'copies' AS how, o.id AS from, cp {.at, .mapping} AS prov
}
WITH t, c, s, how, from, prov ORDER BY c.system, t.name, c.position, c.id
RETURN c.id AS column, CASE WHEN s IS NULL THEN null ELSE s {.kind, .key, .name, .system, prov: s {.at, .observedJob, .observedRunId, .observedEventTime}} END AS source, how, from, prov
