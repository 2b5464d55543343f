// The names of the indexes and constraints that exist and are online.
SHOW INDEXES YIELD name, state
WHERE state = 'ONLINE'
RETURN collect(name) AS names
