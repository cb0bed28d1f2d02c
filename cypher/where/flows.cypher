// The engagements in $flows (`{vendor, flow}`), one row each, read once however many columns they receive: the engagement (with its privacy contact and where it is stated) and its places.
UNWIND $flows AS f
MATCH (v:Node {id: f.vendor})<-[u:USES_VENDOR]-(:System) WHERE u.flow = f.flow
RETURN v.id AS vendor, u {.flow, .system, .service, .purpose, .role, .legalName, .retention, .mechanism, .transfer, .privacyContact, prov: u {.at}} AS flow,
       [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow | {type: type(l), location: loc {.code, .name, .eea}}] AS places
