// The flows into our other systems stated by the systems in $systems: each with its owner, target (its name when loaded, null when not), transfer status (null while the target is not loaded), its safeguard (null when not documented), the categories it sends without naming tables, and the tables its copies read that do not land in a loaded table (the target system or table is not loaded).
MATCH (s:Source) WHERE s.crossSystem = true AND s.system IN $systems
OPTIONAL MATCH (t:Node {id: 'system:' + s.targetSystem}) WHERE t:System
OPTIONAL MATCH (o:Node {id: 'system:' + s.system})-[u:SENDS_TO]->(t) WHERE o:System AND u.flow = s.flow
RETURN s.flow AS flow, s.id AS via, s.name AS name, s.system AS system, s.targetSystem AS target, t.name AS targetName,
       u.transfer AS transfer, u.mechanism AS mechanism, s.categories AS categories,
       s.copies AS copies, s.at AS at,
       [(s)-[f:FEEDS]->(ft:Table) | ft.name] AS linkedTables
ORDER BY flow
