// The data category of each of the given columns (null for a column without one).
UNWIND $ids AS id
MATCH (c:Node {id: id}) WHERE c:Column
RETURN c.id AS id, [(c)-[:OF_CATEGORY]->(cat:Category) | cat.id][0] AS category
