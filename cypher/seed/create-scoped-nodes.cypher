// Creates system-owned nodes; labels come from the fixed kind list (KIND_LABEL).
UNWIND $rows AS row
CREATE (n:Node)
SET n = row.props, n:$(row.label)
RETURN count(n) AS created
