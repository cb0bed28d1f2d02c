// Nodes matching the user's text, best first: exact name, name starting with the text (or its first word), other full-text prefix hits (name/title/key/search), then names containing the text.
CALL () {
  WITH $lucene AS lucene WHERE lucene <> ''
  CALL db.index.fulltext.queryNodes('node_search', lucene, {limit: toInteger($candidates)}) YIELD node, score
  RETURN node, score
  UNION
  MATCH (node:Node) WHERE $text <> '' AND toLower(node.name) CONTAINS $text
  RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
WHERE $kind IS NULL OR node.kind = $kind
WITH node, score, toLower(node.name) AS name
ORDER BY CASE WHEN name = $text THEN 0 WHEN name STARTS WITH $text THEN 1 WHEN name STARTS WITH $first THEN 2 WHEN score > 0 THEN 3 ELSE 4 END, score DESC, size(name), name
LIMIT toInteger($limit)
RETURN node {.kind, .key, .name, .system, .title, .table, .description, .code, .services} AS node
