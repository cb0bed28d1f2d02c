// Writes one assessment (all its properties at once, replacing what an earlier load of the same id stored).
MERGE (a:Assessment {id: $props.id})
SET a = $props
RETURN a.id AS id
