// The loaded assessments that hold a transfer impact assessment for the flow $id, a vendor flow or one into another of our systems (their ids, sorted).
MATCH (a:Assessment) WHERE $id IN a.tiaFlows
RETURN a.id AS id
ORDER BY id
