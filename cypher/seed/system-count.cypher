// How many systems are loaded (0 means a fresh database that needs the built-in seed).
MATCH (s:System) RETURN count(s) AS systems
