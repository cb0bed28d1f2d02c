// Creates or updates nodes shared across systems (categories, vendors, locations), keeping names seen from other systems.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n += row.props, n:$(row.label)
SET n.legalNames = reduce(acc = [], x IN coalesce(n.legalNames, []) + coalesce(row.props.legalNames, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END)
RETURN count(n) AS merged
