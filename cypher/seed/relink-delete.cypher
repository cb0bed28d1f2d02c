// Removes the relationships of flows between own systems that touch the given systems (those flows are owned by, or go into, a system being loaded); they are made again from their owners' statements. Found by key, never by walking every relationship of the systems: a flow's copies by their `flow` id (index copied_to_flow: `<owner>/to/…` for the owners, the ids the sources of other systems name for the targets), its FEEDS from its source node, its SENDS_TO at the system nodes.
CALL {
  UNWIND $systems AS owner
  MATCH ()-[r:COPIED_TO]->() WHERE r.flow STARTS WITH owner + '/to/'
  RETURN r
  UNION
  MATCH (s:Source) WHERE s.targetSystem IN $systems
  MATCH ()-[r:COPIED_TO]->() WHERE r.flow = s.flow
  RETURN r
  UNION
  MATCH (s:Source)-[r:FEEDS]->() WHERE s.targetSystem IS NOT NULL AND (s.system IN $systems OR s.targetSystem IN $systems) AND r.crossSystem = true
  RETURN r
  UNION
  UNWIND $systems AS system
  MATCH (:Node {id: 'system:' + system})-[r:SENDS_TO]-()
  RETURN r
}
DELETE r
