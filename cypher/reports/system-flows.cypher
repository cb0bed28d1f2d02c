// Flows into another of our systems ($flows, their ids), for their transfer impact assessments and a pack's transfers: the owner, the target (its name null when it is not loaded) with its legal entity and hosting countries as its inventory states them, the flow's description, stored status (null while the target is not loaded) and safeguard, the categories it carries and the owner's fields its copies carry (stated: by a stated column mapping; else the same-category rule infers it).
UNWIND $flows AS id
MATCH (src:Node {id: 'source:' + id}) WHERE src:Source AND src.crossSystem = true AND src.flow = id
MATCH (s:Node {id: 'system:' + src.system})
OPTIONAL MATCH (t:Node {id: 'system:' + src.targetSystem})
OPTIONAL MATCH (s)-[u:SENDS_TO]->(t) WHERE u.flow = id
CALL (src, id) {
  OPTIONAL MATCH (src)-[:READS_FROM]->(:Table)-[:HAS_COLUMN]->(c:Column)-[r:COPIED_TO]->(:Column) WHERE r.flow = id
  WITH c, collect(DISTINCT r.mapping) AS mappings WHERE c IS NOT NULL
  RETURN collect({field: c.table + '.' + c.name, stated: 'stated' IN mappings}) AS fields
}
WITH id, src, s, t, u, fields, coalesce(u.categories, src.categories, []) AS keys
RETURN id AS flow, s.system AS system, s.name AS systemName, src.targetSystem AS target, t.name AS targetName,
       t.legalName AS legalName, t.entityCountry AS entityCountry, coalesce(t.hostingCountries, []) AS hostingCountries,
       src.description AS purpose, u.transfer AS transfer, coalesce(u.mechanism, src.mechanism) AS mechanism, fields,
       [k IN keys | coalesce(COLLECT { MATCH (cat:Node {id: 'category:' + k}) RETURN cat.name }[0], k)] AS categories
ORDER BY flow
