// Every node a trace can start from (tables, columns, sources, systems, subjects, purposes, categories), by id.
MATCH (n:Table|Column|Source|System|Subject|Purpose|Category)
RETURN n.id AS id
ORDER BY id
