// The tables that reference a table, with the referencing columns: one REFERENCES edge per pair holds both of the document's forms (stated in the referencing table's section, or in the referenced table's).
MATCH (t:Node {id: $id}) WHERE t:Table
OPTIONAL MATCH (r:Table)-[ref:REFERENCES]->(t)
WITH t, r, ref ORDER BY r.name
RETURN t {.kind, .key, .name, .title, .system, .entityKind, .at} AS table,
       collect(CASE WHEN r IS NULL THEN null ELSE {table: r {.kind, .key, .name, .title, .system, .entityKind, .at}, columns: ref.columns, forms: ref.forms, description: ref.description, at: ref.at} END) AS referencedBy
