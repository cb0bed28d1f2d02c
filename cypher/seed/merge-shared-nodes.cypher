// Creates or updates nodes shared across systems (categories, vendors, locations), keeping names seen from other systems.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
SET n += row.props, n:$(row.label)
FOREACH (_ IN CASE WHEN row.label = 'Vendor' THEN [1] ELSE [] END |
  SET n.legalNames = reduce(acc = [], x IN coalesce(n.legalNames, []) + coalesce(row.props.legalNames, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END))
RETURN count(n) AS merged
