// Per system: described tables/entities, tables only mentioned, columns (all and personal), categories used, sources, purposes, vendors and countries.
MATCH (s:System)
CALL (s) { MATCH (s)-[:CONTAINS]->(t:Table) RETURN count(CASE WHEN t.entityKind <> 'mentioned' THEN 1 END) AS tables, count(CASE WHEN t.entityKind = 'mentioned' THEN 1 END) AS mentionedTables }
CALL (s) { MATCH (s)-[:CONTAINS]->(:Table)-[:HAS_COLUMN]->(c:Column) RETURN count(c) AS columns, count(CASE WHEN c.columnKind = 'personal' THEN 1 END) AS personalColumns }
CALL (s) { OPTIONAL MATCH (s)-[:CONTAINS]->(:Table)-[:HAS_COLUMN]->(:Column)-[:OF_CATEGORY]->(cat:Category) RETURN count(DISTINCT cat) AS categories }
CALL (s) { OPTIONAL MATCH (s)-[:HAS_SOURCE]->(src:Source) RETURN count(src) AS sources }
CALL (s) { OPTIONAL MATCH (s)-[:HAS_PURPOSE]->(p:Purpose) RETURN count(p) AS purposes }
CALL (s) { OPTIONAL MATCH (s)-[u:USES_VENDOR]->(v:Vendor) RETURN count(DISTINCT v) AS vendors, count(u) AS vendorFlows }
CALL (s) { OPTIONAL MATCH (:Vendor)-[r:LOCATED_IN|STORES_DATA_IN]->(l:Location) WHERE r.system = s.system RETURN count(DISTINCT l) AS locations }
CALL (s) { OPTIONAL MATCH (:Table {system: s.system})-[r:REFERENCES]->(:Table) RETURN count(r) AS tableReferences }
RETURN s.system AS system, s.name AS name, tables, mentionedTables, columns, personalColumns, categories, sources, purposes, vendors, vendorFlows, locations, tableReferences
ORDER BY system
