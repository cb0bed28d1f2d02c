// How many nodes and relationships the graph holds (from the count store: constant time): the graph's own nodes (label Node), not the assessments stored beside it nor the load's bookkeeping.
CALL () { MATCH (n:Node) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
