// How many columns hold a data category (or a data subject's personal data), optionally in one system, in how many tables, and how many tables reference those tables: the totals the pages of where/columns, where/tables and where/referencing are parts of.
CALL () {
  MATCH (k:Node {id: $category})<-[:OF_CATEGORY]-(c:Column) WHERE k:Category RETURN c
  UNION
  MATCH (k:Node {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE k:Subject AND c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (t:Table)-[:HAS_COLUMN]->(c)
WITH count(*) AS total, collect(DISTINCT t) AS tables
CALL (tables) { UNWIND tables AS t MATCH (:Table)-[:REFERENCES]->(t) RETURN count(*) AS referencing }
RETURN total, size(tables) AS tables, referencing
