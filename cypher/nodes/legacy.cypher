// The nodes an id without its system ($kind, key $name, as links written before ids were scoped by system) stands for: every node of that kind whose key is `<system>/<name>`, with its system.
MATCH (n:Node)
WHERE n.kind = $kind AND n.key ENDS WITH '/' + $name AND n.key = n.system + '/' + $name
RETURN n.id AS id, n.system AS system
ORDER BY n.id
