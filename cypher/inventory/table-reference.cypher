// The reference from one table to another: the referencing columns and the document forms that state it.
MATCH (:Table {name: $from})-[r:REFERENCES]->(:Table {name: $to})
RETURN r.columns AS columns, r.forms AS forms, r.description AS description
