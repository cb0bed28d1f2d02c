// A vendor's flows in one system: service, role, purpose, retention, countries, and the fields it receives and sends back.
MATCH (v:Node {id: $vendor}) WHERE v:Vendor
MATCH (s:System {system: $system})-[u:USES_VENDOR]->(v)
CALL (v, u) {
  OPTIONAL MATCH (c:Column)-[r:SENT_TO]->(v)
  WHERE r.flow = u.flow
  RETURN collect(DISTINCT c.table + '.' + c.name) AS receives
}
CALL (v, u) {
  OPTIONAL MATCH (v)-[r:SENDS_BACK]->(c:Column)
  WHERE r.flow = u.flow
  RETURN collect(DISTINCT c.table + '.' + c.name) AS sendsBack
}
RETURN v.name AS vendor, v.legalNames AS legalNames, u.service AS service, u.role AS role, u.purpose AS purpose, u.retention AS retention,
       u.entityCountry AS entityCountry, u.mechanism AS mechanism, u.transfer AS transfer, u.dataCountries AS dataCountries, receives, sendsBack
ORDER BY service, purpose
