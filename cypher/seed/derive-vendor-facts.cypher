// Each vendor's legal names and services, derived from every system's engagements (sorted, so the result depends only on the facts loaded), the text search finds them by, and where each engagement is stated (its provenance: every statement of the shared node).
MATCH (v:Vendor)
WITH v,
     COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.legalName IS NOT NULL RETURN DISTINCT u.legalName AS x ORDER BY x } AS legalNames,
     COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.service IS NOT NULL RETURN DISTINCT u.service AS x ORDER BY x } AS services,
     COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) UNWIND coalesce(u.at, []) AS x RETURN DISTINCT x ORDER BY x } AS at
SET v.legalNames = legalNames, v.services = services, v.search = reduce(text = '', x IN legalNames + services | text + ' ' + x),
    v.at = CASE WHEN size(at) = 0 THEN null ELSE at END
