// Removes the given systems' nodes whose ids are not in the new load (a column or table dropped from the file), with their relationships.
MATCH (n:Node) WHERE n.system IN $systems AND NOT n.id IN $ids
DETACH DELETE n
