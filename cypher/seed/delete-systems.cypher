// Removes everything the given systems own, and their flows on shared nodes, so a load replaces them whole.
MATCH (n:Node) WHERE n.system IN $systems
DETACH DELETE n
WITH count(*) AS ignored
MATCH (:Vendor)-[r:LOCATED_IN|STORES_DATA_IN]->(:Location) WHERE r.system IN $systems
DELETE r
