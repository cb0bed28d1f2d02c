// Where one system's data goes: each vendor its columns are sent to, with the table, column and the countries the vendor stores the system's data in.
MATCH (:System {system: $system})-[:CONTAINS]->(t:Table)-[:HAS_COLUMN]->(c:Column)-[:SENT_TO]->(v:Vendor)
OPTIONAL MATCH (v)-[s:STORES_DATA_IN {system: $system}]->(l:Location)
WITH v, t, c, collect(DISTINCT l.code) AS countries
RETURN v.key AS vendor, t.name AS table, c.name AS column, countries
ORDER BY vendor, table, column
