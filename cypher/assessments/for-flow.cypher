// The loaded assessments that hold a transfer impact assessment for the vendor flow $id (their ids, sorted).
MATCH (a:Assessment) WHERE $id IN a.tiaFlows
RETURN a.id AS id
ORDER BY id
