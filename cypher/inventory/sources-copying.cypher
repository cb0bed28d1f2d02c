// Every copy of data between tables: from table, to table, and the source that copies it.
MATCH (a:Table)-[r:COPIED_TO]->(b:Table)
MATCH (s:Node {id: r.via}) WHERE s:Source
RETURN a.name AS from, b.name AS to, s.id AS source, s.name AS sourceName
ORDER BY from, to
