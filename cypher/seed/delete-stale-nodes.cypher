// Removes the given loads' nodes ($systems: their systems) whose ids are not in the new load (a column or table dropped from the file), with their relationships: each (system, origin) in $loads removes only nodes of that origin, so run events never remove what a document states, nor a document what events observed.
MATCH (n:Node) WHERE n.system IN $systems AND NOT n.id IN $ids
  AND {system: n.system, origin: coalesce(n.origin, 'document')} IN $loads
DETACH DELETE n
