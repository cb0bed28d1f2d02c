// A vendor's flows in one system: service, role, purpose, retention, countries, and the fields it receives and sends back.
MATCH (s:System {system: $system})-[u:USES_VENDOR]->(v:Vendor {id: $vendor})
CALL (v, u) {
  OPTIONAL MATCH (c:Column)-[r:SENT_TO]->(v)
  WHERE r.system = u.system AND coalesce(r.service, '') = coalesce(u.service, '') AND r.purpose = u.purpose
  RETURN collect(DISTINCT c.key) AS receives
}
CALL (v, u) {
  OPTIONAL MATCH (v)-[r:SENDS_BACK]->(c:Column)
  WHERE r.system = u.system AND coalesce(r.service, '') = coalesce(u.service, '') AND r.purpose = u.purpose
  RETURN collect(DISTINCT c.key) AS sendsBack
}
RETURN v.name AS vendor, v.legalNames AS legalNames, u.service AS service, u.role AS role, u.purpose AS purpose, u.retention AS retention,
       u.entityCountry AS entityCountry, u.dataCountries AS dataCountries, receives, sendsBack
ORDER BY service, purpose
