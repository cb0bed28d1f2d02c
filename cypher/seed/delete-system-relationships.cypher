// Removes every relationship the given loads own ($systems: their systems): each (system, origin) in $loads owns the relationships touching its system's nodes that carry no other owner (`system`) or origin, and its flows' vendor facts on shared nodes; flows between own systems are re-made after every load (relink-delete). The load then creates exactly the new ones.
MATCH (n:Node) WHERE n.system IN $systems
MATCH (n)-[r]-()
WHERE coalesce(r.crossSystem, false) = false
  AND {system: coalesce(r.system, n.system), origin: coalesce(r.origin, 'document')} IN $loads
WITH DISTINCT r
DELETE r
WITH count(*) AS ignored
MATCH (:Vendor)-[r:LOCATED_IN|STORES_DATA_IN]->(:Location)
WHERE {system: r.system, origin: coalesce(r.origin, 'document')} IN $loads
DELETE r
