// STUB until the load sequence of issue 21 point 2 lands (wt-21p): the graph's load sequence number, 0 while the database keeps none.
OPTIONAL MATCH (s:LoadState {id: 'graph'})
RETURN coalesce(s.seq, 0) AS seq
