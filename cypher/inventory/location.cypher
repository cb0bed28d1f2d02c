// A country node: its name and EEA membership.
MATCH (l:Location {code: $code}) RETURN l.name AS name, l.eea AS eea
