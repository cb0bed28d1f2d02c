// Which relationship ends of a load do not exist as nodes (a table or vendor named but never declared).
UNWIND $ids AS id
OPTIONAL MATCH (n:Node {id: id})
WITH id, n WHERE n IS NULL
RETURN collect(id)[..20] AS missing
