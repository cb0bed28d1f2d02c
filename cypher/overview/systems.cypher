// The system-level picture: each system with its table count and the vendors it uses (with services), and where each vendor sits and stores data for that system.
MATCH (s:System)
CALL (s) {
  OPTIONAL MATCH (s)-[u:USES_VENDOR]->(v:Vendor)
  WITH s, v, [x IN collect(u.service) WHERE x IS NOT NULL] AS services
  ORDER BY v.name
  RETURN collect(CASE WHEN v IS NULL THEN null ELSE {
    vendor: v {.kind, .key, .name},
    services: services,
    places: [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.system = s.system | {type: type(l), location: loc {.kind, .key, .name, .code, .eea}}]
  } END) AS vendors
}
RETURN s {.kind, .key, .name, .system} AS system, COUNT { (s)-[:CONTAINS]->(:Table) } AS tables, vendors
ORDER BY s.name
