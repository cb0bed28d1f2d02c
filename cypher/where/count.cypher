// How many columns hold a data category (or a data subject's personal data), optionally in one system: the total a page of where/columns is one part of.
CALL () {
  MATCH (:Category {id: $category})<-[:OF_CATEGORY]-(c:Column) RETURN c
  UNION
  MATCH (:Subject {id: $subject})-[:DESCRIBED_IN]->(:Table)-[:HAS_COLUMN]->(c:Column) WHERE c.columnKind = 'personal' RETURN c
}
WITH c WHERE $system IS NULL OR c.system = $system
MATCH (:Table)-[:HAS_COLUMN]->(c)
RETURN count(*) AS total
