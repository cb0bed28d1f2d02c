// Every vendor: its names and services, the systems that use it, every country it sits or stores data in (for any system), and how many fields it receives.
MATCH (v:Vendor)
RETURN v {.kind, .key, .name, .legalNames, .services} AS vendor,
       [(s:System)-[:USES_VENDOR]->(v) | s.system] AS systems,
       [(v)-[:LOCATED_IN|STORES_DATA_IN]->(l:Location) | l {.code, .name, .eea}] AS countries,
       COUNT { MATCH (c:Column)-[:SENT_TO]->(v) RETURN DISTINCT c } AS fieldCount
ORDER BY v.name
