// Systems already loaded among $systems: where their facts come from (origin, null for a document) and the OpenLineage run events they were built from.
MATCH (s:System) WHERE s.system IN $systems
RETURN s.system AS system, s.origin AS origin, coalesce(s.observedEvents, []) AS events
ORDER BY system
