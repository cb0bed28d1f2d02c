// The engagements a trace lists, one row each, read once however many fields they carry: those of the flows in $flows (`{vendor, flow}`), and, from a system ($system), its engagements whose inventory names no field they receive (`silent`: listed as flows with fields not stated, never dropped). Each with its vendor and places; plus the names of the copying sources in $vias.
UNWIND $flows AS f
MATCH (v:Node {id: f.vendor})<-[u:USES_VENDOR]-(:System) WHERE u.flow = f.flow
RETURN false AS silent, v {.kind, .key, .name, .at} AS vendor,
       u {.flow, .system, .service, .purpose, .role, .retention, .mechanism, .transfer, .legalName, .vendorName, .at} AS flow,
       [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow
        | {type: type(l), transfer: l.transfer, at: l.at, location: loc {.kind, .key, .name, .code, .eea, .adequacy, .at}}] AS places,
       null AS via
UNION ALL
MATCH (a:Node {id: $system}) WHERE a:System
MATCH (a)-[u:USES_VENDOR]->(v:Vendor)
WHERE NOT EXISTS { MATCH (:Column)-[r:SENT_TO]->(v) WHERE r.flow = u.flow }
RETURN true AS silent, v {.kind, .key, .name, .at} AS vendor,
       u {.flow, .system, .service, .purpose, .role, .retention, .mechanism, .transfer, .legalName, .vendorName, .at} AS flow,
       [(v)-[l:LOCATED_IN|STORES_DATA_IN]->(loc:Location) WHERE l.flow = u.flow
        | {type: type(l), transfer: l.transfer, at: l.at, location: loc {.kind, .key, .name, .code, .eea, .adequacy, .at}}] AS places,
       null AS via
UNION ALL
UNWIND $vias AS id
MATCH (s:Node {id: id}) WHERE s:Source
RETURN null AS silent, null AS vendor, null AS flow, null AS places, {id: s.id, name: s.name} AS via
