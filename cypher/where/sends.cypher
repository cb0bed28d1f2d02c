// The vendor flows that receive the columns asked about (a data category, or a data subject's personal columns), optionally in one system, one flat row per column and flow, in checklist order (system, table, position): the column, the vendor, the flow's id and where the field is stated. Each engagement is read once by where/flows.
// include where/asked-columns
MATCH (t:Table)-[:HAS_COLUMN]->(c)-[r:SENT_TO]->(v:Vendor)
WITH c, r, v ORDER BY c.system, t.name, c.position, c.id
RETURN c.id AS column, v {.kind, .key, .name} AS vendor, r.flow AS flow, r {.at} AS prov
