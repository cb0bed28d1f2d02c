// Tables about to be loaded that another system already owns (a table name belongs to one system).
MATCH (t:Table)
WHERE t.name IN $tables AND NOT t.system IN $systems
RETURN t.name AS table, t.system AS system
