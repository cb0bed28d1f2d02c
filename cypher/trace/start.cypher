// The node a trace starts from (its properties), or no row.
MATCH (a:Node {id: $from})
RETURN a {.kind, .key, .name, .system, .title, .table, .columnKind, .at, .suggested, .observedJob, .observedRunId, .observedEventTime} AS start
