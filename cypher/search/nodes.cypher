// Nodes matching the user's text from the full-text index alone (no scan), of the given systems when $systems is not null, best first: exact name, name starting with the text (or its first word), word-prefix hits, then hits inside words.
CALL db.index.fulltext.queryNodes('node_search', $lucene, {limit: toInteger($candidates)}) YIELD node, score
WITH node, score
WHERE ($kind IS NULL OR node.kind = $kind)
  // Scoped to systems: their own nodes, and the shared vendors, categories and countries those systems use.
  AND ($systems IS NULL OR node.system IN $systems
       OR (node:Vendor AND EXISTS { MATCH (s:System)-[:USES_VENDOR]->(node) WHERE s.system IN $systems })
       OR (node:Category AND EXISTS { MATCH (c:Column)-[:OF_CATEGORY]->(node) WHERE c.system IN $systems })
       OR (node:Location AND EXISTS { MATCH (:Vendor)-[l:LOCATED_IN|STORES_DATA_IN]->(node) WHERE l.system IN $systems }))
WITH node, score, toLower(node.name) AS name
ORDER BY CASE WHEN name = $text THEN 0 WHEN name STARTS WITH $text THEN 1 WHEN name STARTS WITH $first THEN 2 ELSE 3 END, score DESC, size(name), name
LIMIT toInteger($limit)
RETURN node {.kind, .key, .name, .system, .title, .table, .description, .code, .services} AS node
