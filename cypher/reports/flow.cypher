// One vendor flow (engagement $id), for its transfer impact assessment: the engagement's facts, its system, the fields and categories it receives and where its vendor and the data are.
MATCH (s:System)-[u:USES_VENDOR {flow: $id}]->(v:Vendor)
OPTIONAL MATCH (c:Column)-[r:SENT_TO]->(v) WHERE r.flow = $id
OPTIONAL MATCH (c)-[:OF_CATEGORY]->(cat:Category)
WITH s, u, v, collect(DISTINCT c.table + '.' + c.name) AS fields, collect(DISTINCT cat.name) AS categories
OPTIONAL MATCH (v)-[p:LOCATED_IN|STORES_DATA_IN]->(l:Location) WHERE p.flow = $id
WITH s, u, v, fields, categories, collect(CASE WHEN l IS NULL THEN null ELSE {type: type(p), code: l.code, name: l.name} END) AS places
RETURN s.system AS system, s.name AS systemName, coalesce(u.vendorName, v.name) AS vendorName,
  u {.flow, .service, .purpose, .role, .legalName, .mechanism, .transfer} AS flow, fields, categories, places
