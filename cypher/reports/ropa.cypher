// Article 30 records, per system (or one): the system with its organisation, role, security, data location and loaded file; its processing activities with the purposes they group and the subjects they concern; its purposes with the columns that serve them and the vendors they name; every vendor flow with the columns it receives and its places; the personal columns with their category (and whether it is special) and subjects; the sources that fill or feed them.
MATCH (s:System)
WHERE $system IS NULL OR s.system = $system
RETURN s {.system, .name, .documentTitle, .role, .orgName, .orgContact, .orgAddress, .dpoName, .dpoContact, .repName, .repContact,
          .legalName, .entityCountry, .hostingCountries, .loadedFile, .loadedSha256,
          .securityEncryptionAtRest, .securityEncryptionInTransit, .securityAccessControl, .securityPseudonymisation, .securityLogging, .securityNotes} AS system,
       [(s)-[:HAS_ACTIVITY]->(a:Activity) | a {.id, .name, .role, .controllers, .lawfulBasis, .legitimateInterest, .liaLink, .specialCategoryCondition, .volume, .retention,
          .automatedDecisions, .section, purposes: [(a)-[:GROUPS]->(p:Purpose) | p.id], subjects: [(a)-[:CONCERNS]->(sub:Subject) | sub.name]}] AS activities,
       [(s)-[:HAS_PURPOSE]->(p:Purpose) | {id: p.id, name: p.name, vendors: [(p)-[:USES_VENDOR]->(v:Vendor) | v.id], columns: [(c:Column)-[:FOR_PURPOSE]->(p) | c.id]}] AS purposes,
       [(s)-[u:USES_VENDOR]->(v:Vendor) | {
         vendor: v {.id, .name},
         flow: u {.flow, .service, .purpose, .role, .retention, .legalName, .mechanism, .transfer},
         columns: [(c:Column)-[r:SENT_TO]->(v) WHERE r.flow = u.flow | c.id],
         places: [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow | {type: type(l), code: loc.code, name: loc.name}]
       }] AS flows,
       [(s)-[:CONTAINS]->(t:Table)-[:HAS_COLUMN]->(c:Column) WHERE c.columnKind = 'personal' | {
         id: c.id, category: [(c)-[:OF_CATEGORY]->(cat:Category) | cat.name][0], special: coalesce([(c)-[:OF_CATEGORY]->(cat:Category) | cat.special][0], false),
         subjects: [(sub:Subject)-[:DESCRIBED_IN]->(t) | sub.name],
         sources: [(src:Source)-[:FILLS]->(c) | src.name] + [(src:Source)-[:FEEDS]->(t) WHERE NOT EXISTS { (src)-[:FILLS]->(:Column) } | src.name]
       }] AS columns
ORDER BY s.name
