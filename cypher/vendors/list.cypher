// A page of the vendors (of the given systems, or all when $systems is null), by name, after the cursor $after ([name, key]) when given, with how many the whole list has: each vendor's names and services, its flows (system, transfer status, mechanism), every country it sits or stores data in, and how many fields it receives (in all and per system), all within those systems.
CALL () {
  MATCH (v:Vendor)
  WHERE $systems IS NULL OR EXISTS { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.system IN $systems }
  RETURN count(v) AS total
}
MATCH (v:Vendor)
WHERE ($systems IS NULL OR EXISTS { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.system IN $systems })
  AND ($after IS NULL OR v.name > $after[0] OR (v.name = $after[0] AND v.key > $after[1]))
WITH total, v
ORDER BY v.name, v.key
LIMIT toInteger($limit) + 1
RETURN total, v {.kind, .key, .name,
          legalNames: COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.legalName IS NOT NULL AND ($systems IS NULL OR u.system IN $systems) RETURN DISTINCT u.legalName AS x ORDER BY x },
          services: COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.service IS NOT NULL AND ($systems IS NULL OR u.system IN $systems) RETURN DISTINCT u.service AS x ORDER BY x }} AS vendor,
       [(s:System)-[u:USES_VENDOR]->(v) WHERE $systems IS NULL OR s.system IN $systems | {system: s.system, transfer: u.transfer, mechanism: u.mechanism, service: u.service}] AS flows,
       [(v)-[p:LOCATED_IN|STORES_DATA_IN]->(l:Location) WHERE $systems IS NULL OR p.system IN $systems | l {.code, .name, .eea, system: p.system}] AS countries,
       COUNT { MATCH (c:Column)-[:SENT_TO]->(v) WHERE $systems IS NULL OR c.system IN $systems RETURN DISTINCT c } AS fieldCount,
       COLLECT { MATCH (c:Column)-[:SENT_TO]->(v) WHERE $systems IS NULL OR c.system IN $systems
                 WITH c.system AS system, count(DISTINCT c) AS fields RETURN {system: system, fields: fields} } AS fieldCounts
