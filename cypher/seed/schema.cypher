// Constraints and indexes the explorer relies on (idempotent; run before every load).
CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT load_state_id IF NOT EXISTS FOR (s:LoadState) REQUIRE s.id IS UNIQUE;
CREATE INDEX node_kind IF NOT EXISTS FOR (n:Node) ON (n.kind);
CREATE INDEX node_system IF NOT EXISTS FOR (n:Node) ON (n.system);
CREATE INDEX table_name IF NOT EXISTS FOR (n:Table) ON (n.name);
CREATE INDEX source_target IF NOT EXISTS FOR (n:Source) ON (n.targetSystem);
CREATE INDEX copied_to_flow IF NOT EXISTS FOR ()-[r:COPIED_TO]-() ON (r.flow);
CREATE FULLTEXT INDEX node_search IF NOT EXISTS FOR (n:Node) ON EACH [n.name, n.title, n.key, n.search]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
