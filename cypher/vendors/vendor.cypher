// One vendor and every flow to it (per system, service and purpose): role, retention, countries, the fields it receives and sends back with their tables and categories, each with where it is stated (`at`).
MATCH (v:Node {id: $id}) WHERE v:Vendor
CALL (v) {
  OPTIONAL MATCH (s:System)-[u:USES_VENDOR]->(v)
  WITH s, u ORDER BY s.name, u.service, u.purpose
  RETURN collect(CASE WHEN u IS NULL THEN null ELSE {
    system: s {.kind, .key, .name, .system, .at},
    flow: u.flow, service: u.service, role: u.role, purpose: u.purpose, retention: u.retention, legalName: u.legalName, address: u.address,
    mechanism: u.mechanism, transfer: u.transfer, at: u.at,
    entityCountry: u.entityCountry, dataCountries: u.dataCountries,
    receives: [(t:Table)-[:HAS_COLUMN]->(c:Column)-[r:SENT_TO]->(v)
               WHERE r.flow = u.flow
               | {column: c {.kind, .key, .name, .table, .system, .columnKind, .at}, table: t {.kind, .key, .name, .system, .title, .at}, at: r.at,
                  category: [(c)-[:OF_CATEGORY]->(cat:Category) | cat.name][0]}],
    sendsBack: [(v)-[r:SENDS_BACK]->(c:Column)<-[:HAS_COLUMN]-(t:Table)
                WHERE r.flow = u.flow
                | {column: c {.kind, .key, .name, .table, .system, .columnKind, .at}, table: t {.kind, .key, .name, .system, .title, .at}, at: r.at,
                   category: [(c)-[:OF_CATEGORY]->(cat:Category) | cat.name][0]}]
  } END) AS flows
}
RETURN v {.kind, .key, .name, .legalNames, .services, .at} AS vendor, flows,
       [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) | {type: type(l), system: l.system, at: l.at, location: loc {.kind, .key, .name, .code, .eea, .at}}] AS places
