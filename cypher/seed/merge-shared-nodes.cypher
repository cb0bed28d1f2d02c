// Creates or updates nodes shared across systems; labels come from the fixed kind list. Categories and locations come from the shared catalogue and are refreshed; a vendor node is only ever created here (what a system says of a vendor lives on its engagement), so loading one system never changes another's view of a vendor.
UNWIND $rows AS row
MERGE (n:Node {id: row.id})
ON CREATE SET n = row.props, n:$(row.label)
WITH n, row WHERE row.label <> 'Vendor'
SET n += row.props
RETURN count(n) AS merged
