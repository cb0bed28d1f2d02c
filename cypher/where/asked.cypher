// A data subject or category by id: its name (to name the question an answer is for), or no row.
MATCH (n:Node {id: $id})
WHERE n:Category OR n:Subject
RETURN n {.kind, .key, .name, .system} AS node
