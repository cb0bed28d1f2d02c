// The server's Neo4j version and edition.
CALL dbms.components() YIELD versions, edition
RETURN versions[0] AS version, edition
