// Keeps the run events an OpenLineage load is built from on its system's node (also when a document states that node), so events imported later are merged with them.
UNWIND $rows AS row
MATCH (s:System {id: row.id})
SET s.observedEvents = row.events
