// Removes the relationships of flows between own systems that touch the given systems' nodes (those flows are owned by, or go into, a system being loaded); they are made again from their owners' statements.
MATCH (n:Node) WHERE n.system IN $systems
MATCH (n)-[r]-() WHERE r.crossSystem = true
WITH DISTINCT r
DELETE r
