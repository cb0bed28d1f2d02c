// The tables a document states in system $system (not those run events added): each with its columns (name, kind, category, pseudonymised) in order, so events naming them add to them.
MATCH (:System {system: $system})-[:CONTAINS]->(t:Table) WHERE t.origin IS NULL
RETURN t.name AS name,
       COLLECT { MATCH (t)-[:HAS_COLUMN]->(c:Column) WHERE c.origin IS NULL WITH c ORDER BY c.position
                 RETURN {name: c.name, kind: c.columnKind, category: c.category, pseudonymised: c.pseudonymised} } AS columns
ORDER BY name
