// The names of the indexes that exist (a uniqueness constraint's index carries the constraint's name): schema statements already applied are not sent again.
SHOW INDEXES YIELD name
RETURN collect(name) AS names
