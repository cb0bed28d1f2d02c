// Each vendor's legal names and services, derived from every system's engagements (sorted, so the result depends only on the facts loaded), and the text search finds them by.
MATCH (v:Vendor)
WITH v,
     COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.legalName IS NOT NULL RETURN DISTINCT u.legalName AS x ORDER BY x } AS legalNames,
     COLLECT { MATCH (:System)-[u:USES_VENDOR]->(v) WHERE u.service IS NOT NULL RETURN DISTINCT u.service AS x ORDER BY x } AS services
SET v.legalNames = legalNames, v.services = services, v.search = reduce(text = '', x IN legalNames + services | text + ' ' + x)
