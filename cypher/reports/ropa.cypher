// Article 30 records, per system (or one): the system and its source document, its purposes with the columns that serve them and the vendors they name, every vendor flow with the columns it receives and its places, and the personal columns with their category and subjects.
MATCH (s:System)
WHERE $system IS NULL OR s.system = $system
RETURN s {.system, .name, .documentTitle} AS system,
       [(s)-[:HAS_PURPOSE]->(p:Purpose) | {id: p.id, name: p.name, vendors: [(p)-[:USES_VENDOR]->(v:Vendor) | v.id], columns: [(c:Column)-[:FOR_PURPOSE]->(p) | c.id]}] AS purposes,
       [(s)-[u:USES_VENDOR]->(v:Vendor) | {
         vendor: v {.id, .name},
         flow: u {.flow, .service, .purpose, .role, .retention, .legalName, .mechanism, .transfer},
         columns: [(c:Column)-[r:SENT_TO]->(v) WHERE r.flow = u.flow | c.id],
         places: [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow | {type: type(l), code: loc.code, name: loc.name}]
       }] AS flows,
       [(s)-[:CONTAINS]->(t:Table)-[:HAS_COLUMN]->(c:Column) WHERE c.columnKind = 'personal' | {
         id: c.id, category: [(c)-[:OF_CATEGORY]->(cat:Category) | cat.name][0], subjects: [(sub:Subject)-[:DESCRIBED_IN]->(t) | sub.name]
       }] AS columns
ORDER BY s.name
