// The overview's rows as the last load computed them (seed/overview-summaries): every loaded system's overview row and the flows it states into our other systems, as JSON, in overview/systems' order; `seq` is null on a database no load has summarised yet (then the overview is computed live).
OPTIONAL MATCH (state:LoadState {id: 'graph'})
OPTIONAL MATCH (s:SystemSummary)
RETURN state.seq AS seq, s.system AS system, s.overview AS overview, s.flows AS flows
ORDER BY s.position
