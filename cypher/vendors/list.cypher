// Every vendor (of the given systems, or all when $systems is null): its names and services, its flows (system, transfer status, mechanism), every country it sits or stores data in, and how many fields it receives, all within those systems.
MATCH (v:Vendor)
WHERE $systems IS NULL OR EXISTS { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.system IN $systems }
RETURN v {.kind, .key, .name,
          legalNames: COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.legalName IS NOT NULL AND ($systems IS NULL OR u.system IN $systems) RETURN DISTINCT u.legalName AS x ORDER BY x },
          services: COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.service IS NOT NULL AND ($systems IS NULL OR u.system IN $systems) RETURN DISTINCT u.service AS x ORDER BY x }} AS vendor,
       [(s:System)-[u:USES_VENDOR]->(v) WHERE $systems IS NULL OR s.system IN $systems | {system: s.system, transfer: u.transfer, mechanism: u.mechanism}] AS flows,
       [(v)-[p:LOCATED_IN|STORES_DATA_IN]->(l:Location) WHERE $systems IS NULL OR p.system IN $systems | l {.code, .name, .eea}] AS countries,
       COUNT { MATCH (c:Column)-[:SENT_TO]->(v) WHERE $systems IS NULL OR c.system IN $systems RETURN DISTINCT c } AS fieldCount
ORDER BY v.name
