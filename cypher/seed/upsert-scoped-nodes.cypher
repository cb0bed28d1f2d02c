// Creates or updates system-owned nodes by id (labels come from the fixed kind list, KIND_LABEL); a node whose properties are already the new ones is not written, so a reload of an unchanged system touches none of its nodes. Returns how many were written.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
ON CREATE SET n = row.props, n:$(row.label)
WITH n, row WHERE properties(n) <> row.props
SET n = row.props, n:$(row.label)
RETURN count(n) AS written
