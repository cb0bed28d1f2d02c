// The vendor flows that receive the columns in $ids, one flat row per column and flow: the column, the vendor, the flow's id and where the field is stated. Each engagement is read once by where/flows.
UNWIND $ids AS id
MATCH (c:Node {id: id})-[r:SENT_TO]->(v:Vendor)
RETURN c.id AS column, v {.kind, .key, .name} AS vendor, r.flow AS flow, r {.at} AS prov
