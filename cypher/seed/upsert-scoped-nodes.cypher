// Creates or updates system-owned nodes by id (labels come from the fixed kind list, KIND_LABEL); a node whose properties are already the new ones is not written, so a reload of an unchanged system touches none of its nodes. A document's row takes a node over; a row of another origin (run events) writes only nodes of its own origin, never one a document states. Run events kept on a system's node stay when a document reloads it. Returns how many were written.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
ON CREATE SET n = row.props, n:$(row.label)
WITH n, row, row.props AS p, n.observedEvents AS kept
WHERE p.origin IS NULL OR coalesce(n.origin, 'document') = p.origin
WITH n, row, CASE WHEN p.observedEvents IS NULL AND kept IS NOT NULL THEN p {.*, observedEvents: kept} ELSE p END AS props
WHERE properties(n) <> props
SET n = props, n:$(row.label)
RETURN count(n) AS written
