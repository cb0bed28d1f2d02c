// Flows between own systems whose owner or target is among $systems: each one as its owner states it (kept on the owner's source node, with `at`, the lines stating it), and the target system's legal entity and hosting countries when it is loaded (null when it is not). Read through the index on Source.targetSystem (only the sources of such flows have one), never by scanning every source.
CALL {
  MATCH (s:Source) WHERE s.targetSystem IS NOT NULL AND s.system IN $systems
  RETURN s
  UNION
  MATCH (s:Source) WHERE s.targetSystem IN $systems
  RETURN s
}
WITH s WHERE s.crossSystem = true
OPTIONAL MATCH (t:Node {id: 'system:' + s.targetSystem}) WHERE t:System
RETURN s.id AS via, s.system AS owner, s.flow AS flow, s.at AS at, s.targetSystem AS target, s.mechanism AS mechanism,
       s.categories AS categories, s.copies AS copies,
       CASE WHEN t IS NULL THEN null ELSE t {.entityCountry, .hostingCountries} END AS targetSystem
ORDER BY flow
