// The data category of each of the given columns (null for a column without one).
UNWIND $ids AS id
MATCH (c:Column {id: id})
RETURN c.id AS id, [(c)-[:OF_CATEGORY]->(cat:Category) | cat.id][0] AS category
