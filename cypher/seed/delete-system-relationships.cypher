// Removes every relationship the given systems own (any touching one of their nodes, and their flows' vendor facts on shared nodes); the load then creates exactly the new ones.
MATCH (n:Node) WHERE n.system IN $systems
MATCH (n)-[r]-()
WITH DISTINCT r
DELETE r
WITH count(*) AS ignored
MATCH (:Vendor)-[r:LOCATED_IN|STORES_DATA_IN]->(:Location) WHERE r.system IN $systems
DELETE r
