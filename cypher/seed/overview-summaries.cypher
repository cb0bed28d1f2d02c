// The overview's rows computed at the end of a load (overview.precompute.ts): every SystemSummary is replaced by one per loaded system, holding its overview row and the flows it states into our other systems as JSON (read by overview/summaries).
CALL () { MATCH (old:SystemSummary) DELETE old }
WITH 1 AS one
UNWIND $rows AS row
CREATE (:SystemSummary {system: row.system, position: row.position, overview: row.overview, flows: row.flows})
