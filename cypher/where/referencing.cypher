// The tables that reference the tables in $ids (foreign keys), one flat row per reference: the referenced table's id, the referencing table (with its erasure action), the referencing columns and where the reference is stated.
UNWIND $ids AS id
MATCH (r:Table)-[ref:REFERENCES]->(t:Node {id: id})
RETURN t.id AS references, r {.kind, .key, .name, .system, .title, .erasureAction, .erasureReason, .erasureRetention, prov: r {.at}} AS table, coalesce(ref.columns, []) AS columns, ref {.at} AS prov
