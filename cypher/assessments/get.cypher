// One loaded assessment by id ($id), with its whole content as JSON.
MATCH (a:Assessment {id: $id})
RETURN a {.id, .name, .status, .nodes, .flows, .fingerprint, .fingerprintSource, .file, .format, .loadedAt, .json} AS assessment
