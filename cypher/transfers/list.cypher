// A page of the vendor flows whose transfer status is third-country or not-stated, by system, vendor and flow, after the cursor $after ([system name, vendor name, flow]) when given, with how many the whole list has: each one's system, vendor, categories of the fields it receives, and its places.
CALL () {
  MATCH (:System)-[u:USES_VENDOR]->(:Vendor) WHERE u.transfer IN ['third-country', 'not-stated']
  RETURN count(u) AS total
}
MATCH (s:System)-[u:USES_VENDOR]->(v:Vendor)
WHERE u.transfer IN ['third-country', 'not-stated']
  AND ($after IS NULL OR s.name > $after[0] OR (s.name = $after[0] AND (v.name > $after[1] OR (v.name = $after[1] AND u.flow > $after[2]))))
WITH total, s, u, v
ORDER BY s.name, v.name, u.flow
LIMIT toInteger($limit) + 1
RETURN total, u {.flow, .service, .purpose, .transfer, .mechanism} AS flow,
       s {.system, .name} AS system,
       v {.kind, .key, .name} AS vendor,
       COLLECT { MATCH (c:Column)-[r:SENT_TO]->(v) WHERE r.flow = u.flow MATCH (c)-[:OF_CATEGORY]->(cat:Category) RETURN DISTINCT cat {.kind, .key, .name} AS cat } AS categories,
       [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow | {type: type(l), location: loc {.code, .name, .eea}}] AS places
