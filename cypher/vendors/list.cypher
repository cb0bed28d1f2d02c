// Every vendor: its names and services, its flows (system, transfer status, mechanism), every country it sits or stores data in (for any system), and how many fields it receives.
MATCH (v:Vendor)
RETURN v {.kind, .key, .name, .legalNames, .services} AS vendor,
       [(s:System)-[u:USES_VENDOR]->(v) | {system: s.system, transfer: u.transfer, mechanism: u.mechanism}] AS flows,
       [(v)-[:LOCATED_IN|STORES_DATA_IN]->(l:Location) | l {.code, .name, .eea}] AS countries,
       COUNT { MATCH (c:Column)-[:SENT_TO]->(v) RETURN DISTINCT c } AS fieldCount
ORDER BY v.name
