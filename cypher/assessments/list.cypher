// Every loaded assessment: id, name, status, the nodes and flows it covers, its recorded fingerprint and where it was loaded from.
MATCH (a:Assessment)
RETURN a {.id, .name, .status, .nodes, .flows, .fingerprint, .fingerprintSource, .file, .format, .loadedAt} AS assessment
ORDER BY a.id
