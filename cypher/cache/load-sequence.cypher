// The load sequence: how many loads have committed into this database (0 before the first load that counts them).
OPTIONAL MATCH (s:LoadState {id: 'graph'})
RETURN coalesce(s.seq, 0) AS seq
