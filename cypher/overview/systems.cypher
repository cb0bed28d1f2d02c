// The system-level picture (of the given systems, or all when $systems is null): each system with its table count and the vendors it uses (with services, and each of that system's flows with it, by flow id: transfer status, mechanism and the countries it states), and where each vendor sits and stores data for that system (by kind, then country), each with where it is stated (`at`). Every list is ordered, so the answer computed at load (overview.precompute.ts) and a live one are the same.
MATCH (s:System) WHERE $systems IS NULL OR s.system IN $systems
CALL (s) {
  OPTIONAL MATCH (s)-[u:USES_VENDOR]->(v:Vendor)
  WITH s, v, u ORDER BY u.flow
  WITH s, v, [x IN collect(u.service) WHERE x IS NOT NULL] AS services, collect({transfer: u.transfer, mechanism: u.mechanism, entityCountry: u.entityCountry, dataCountries: u.dataCountries, at: u.at}) AS flows
  ORDER BY v.name, v.id
  RETURN collect(CASE WHEN v IS NULL THEN null ELSE {
    vendor: v {.kind, .key, .name, .at},
    services: services,
    flows: flows,
    places: COLLECT {
      MATCH (v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.system = s.system
      WITH l, loc ORDER BY type(l), loc.code, l.flow
      RETURN {type: type(l), transfer: l.transfer, at: l.at, location: loc {.kind, .key, .name, .code, .eea, .adequacy, .at}}
    }
  } END) AS vendors
}
RETURN s {.kind, .key, .name, .system, .at} AS system, COUNT { (s)-[:CONTAINS]->(:Table) } AS tables, vendors
ORDER BY s.name, s.system
