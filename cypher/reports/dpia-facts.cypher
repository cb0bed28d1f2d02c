// What a DPIA describes beside the flows: the systems' organisation, role and security ($systems), the data subjects of the traced tables and the purposes of the traced columns ($ids), and the systems' processing activities with their purposes and subjects.
CALL () {
  MATCH (s:System) WHERE s.system IN $systems
  RETURN collect(s {.system, .name, .orgName, .orgContact, .orgAddress, .dpoName, .dpoContact, .repName, .repContact, .role, .hostingCountries, .legalName, .entityCountry,
    security: [k IN keys(s) WHERE k STARTS WITH 'security' | {key: k, value: toString(s[k])}]}) AS systems
}
CALL () {
  MATCH (sub:Subject)-[:DESCRIBED_IN]->(t:Table) WHERE t.id IN $ids
  RETURN collect(DISTINCT sub {.id, .name, .system}) AS subjects
}
CALL () {
  MATCH (c:Column)-[:FOR_PURPOSE]->(p:Purpose) WHERE c.id IN $ids
  RETURN collect(DISTINCT p {.id, .name, .system}) AS purposes
}
CALL () {
  MATCH (s:System)-[:HAS_ACTIVITY]->(a:Activity) WHERE s.system IN $systems
  OPTIONAL MATCH (a)-[:GROUPS]->(p:Purpose)
  OPTIONAL MATCH (a)-[:CONCERNS]->(sub:Subject)
  WITH a, collect(DISTINCT p.id) AS purposes, collect(DISTINCT sub.id) AS subjects
  RETURN collect(a {.id, .name, .system, .role, .lawfulBasis, .legitimateInterest, .liaLink, .specialCategoryCondition, .retention, .controllers,
    volume: toString(a.volume), automatedDecisions: toString(a.automatedDecisions), purposes: purposes, subjects: subjects}) AS activities
}
RETURN systems, subjects, purposes, activities
