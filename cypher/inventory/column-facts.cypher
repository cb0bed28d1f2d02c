// One column's recorded facts: kind, category, the document's category wording, purposes, referenced table, vendors it is sent to, sources filling it.
MATCH (c:Node {id: $id}) WHERE c:Column
MATCH (t:Table)-[:HAS_COLUMN]->(c)
OPTIONAL MATCH (c)-[:OF_CATEGORY]->(cat:Category)
OPTIONAL MATCH (c)-[:REFERENCES]->(ref:Table)
CALL (c) { OPTIONAL MATCH (c)-[:FOR_PURPOSE]->(p:Purpose) RETURN collect(DISTINCT p.name) AS purposes, collect(DISTINCT p.key) AS purposeKeys }
CALL (c) { OPTIONAL MATCH (c)-[:SENT_TO]->(v:Vendor) RETURN collect(DISTINCT v.key) AS vendors }
CALL (c) { OPTIONAL MATCH (c)<-[:SENDS_BACK]-(v:Vendor) RETURN collect(DISTINCT v.key) AS sentBackBy }
CALL (c) { OPTIONAL MATCH (c)<-[:FILLS]-(s:Source) RETURN collect(DISTINCT s.name) AS sources }
RETURN t.name AS table, c.name AS column, c.columnKind AS kind, cat.key AS category, c.categoryLabel AS categoryLabel,
       purposes, purposeKeys, ref.name AS references, vendors, sentBackBy, sources, c.description AS description
