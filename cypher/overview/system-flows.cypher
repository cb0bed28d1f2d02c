// Flows between own systems stated by the given systems (or all when $systems is null): owner, target (its name when loaded, null when not), transfer status (null while not loaded), the categories it carries, and how many tables it copies into.
MATCH (src:Source) WHERE src.crossSystem = true AND ($systems IS NULL OR src.system IN $systems)
OPTIONAL MATCH (t:Node {id: 'system:' + src.targetSystem}) WHERE t:System
OPTIONAL MATCH (o:Node {id: 'system:' + src.system})-[u:SENDS_TO]->(t) WHERE o:System AND u.flow = src.flow
RETURN src.flow AS flow, src.system AS system, src.targetSystem AS target, t.name AS targetName, u.transfer AS transfer,
       coalesce(u.categories, src.categories) AS categories,
       COUNT { (src)-[:FEEDS]->(:Table) } AS tables
ORDER BY flow
