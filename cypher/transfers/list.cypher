// Every vendor flow whose transfer status is third-country or not-stated: its system, vendor, categories of the fields it receives, and its places.
MATCH (s:System)-[u:USES_VENDOR]->(v:Vendor)
WHERE u.transfer IN ['third-country', 'not-stated']
RETURN u {.flow, .service, .purpose, .transfer, .mechanism} AS flow,
       s {.system, .name} AS system,
       v {.kind, .key, .name} AS vendor,
       COLLECT { MATCH (c:Column)-[r:SENT_TO]->(v) WHERE r.flow = u.flow MATCH (c)-[:OF_CATEGORY]->(cat:Category) RETURN DISTINCT cat {.kind, .key, .name} AS cat } AS categories,
       [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow | {type: type(l), location: loc {.code, .name, .eea}}] AS places
ORDER BY s.name, v.name, u.flow
