// The named systems (a report's data set): id, name, kind and the document each inventory was taken from.
MATCH (s:System)
WHERE s.system IN $systems
RETURN s {.system, .name, .systemKind, .documentTitle, .documentFile} AS system
ORDER BY s.name
