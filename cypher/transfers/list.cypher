// A page of the flows whose transfer status is third-country or not-stated: each system's vendor flows and its flows into our other systems (to: 'system'), by system, destination and flow, after the cursor $after ([system name, destination name, flow]) when given, with how many the whole list has: each one's system, destination, categories of the fields it receives (a flow between systems: the categories it carries), and its places (a flow between systems: the target system's legal entity and hosting countries, by code).
CALL () {
  MATCH (:System)-[u:USES_VENDOR|SENDS_TO]->(d) WHERE u.transfer IN ['third-country', 'not-stated'] AND (d:Vendor OR d:System)
  RETURN count(u) AS total
}
CALL () {
  MATCH (s:System)-[u:USES_VENDOR]->(v:Vendor) WHERE u.transfer IN ['third-country', 'not-stated']
  RETURN s, u, v, 'vendor' AS to
  UNION
  MATCH (s:System)-[u:SENDS_TO]->(v:System) WHERE u.transfer IN ['third-country', 'not-stated']
  RETURN s, u, v, 'system' AS to
}
WITH total, s, u, v, to
WHERE $after IS NULL OR s.name > $after[0] OR (s.name = $after[0] AND (v.name > $after[1] OR (v.name = $after[1] AND u.flow > $after[2])))
WITH total, s, u, v, to
ORDER BY s.name, v.name, u.flow
LIMIT toInteger($limit) + 1
RETURN total, to, u {.flow, .service, .transfer, .mechanism, purpose: coalesce(u.purpose, v.name)} AS flow,
       s {.system, .name} AS system,
       v {.kind, .key, .name} AS vendor,
       CASE to WHEN 'vendor'
         THEN COLLECT { MATCH (c:Column)-[r:SENT_TO]->(v) WHERE r.flow = u.flow MATCH (c)-[:OF_CATEGORY]->(cat:Category) RETURN DISTINCT cat {.kind, .key, .name} AS cat }
         ELSE [k IN u.categories | coalesce(COLLECT { MATCH (cat:Node {id: 'category:' + k}) WHERE cat:Category RETURN cat {.kind, .key, .name} }[0], {kind: 'category', key: k, name: k})]
       END AS categories,
       CASE to WHEN 'vendor'
         THEN [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow | {type: type(l), location: loc {.code, .name, .eea}}]
         ELSE [x IN CASE WHEN v.entityCountry IS NULL THEN [] ELSE [v.entityCountry] END | {type: 'LOCATED_IN', location: {code: x, name: x, eea: false}}]
            + [x IN coalesce(v.hostingCountries, []) | {type: 'STORES_DATA_IN', location: {code: x, name: x, eea: false}}]
       END AS places
