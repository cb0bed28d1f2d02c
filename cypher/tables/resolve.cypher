// The tables a name stands for: `name` alone (any system) or with `system`; more than one means the name is ambiguous.
MATCH (t:Table {name: $name})
WHERE $system IS NULL OR t.system = $system
RETURN t.id AS id, t.system AS system
ORDER BY t.system
