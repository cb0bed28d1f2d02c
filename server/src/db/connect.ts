/** Picks the database: NEO4J_URI when set, else the embedded Neo4j. */
import { startEmbeddedNeo4j } from "./embedded.js";
import { Graph } from "./graph.js";
import type { Env } from "../config/env.js";

export interface Database {
  graph: Graph;
  mode: "embedded" | "remote";
  uri: string;
  close(): Promise<void>;
}

export async function connectDatabase(env: Env, log: (msg: string) => void = console.log): Promise<Database> {
  const base = { database: env.NEO4J_DATABASE, queryTimeoutMs: env.QUERY_TIMEOUT_MS };
  if (env.NEO4J_URI) {
    const graph = Graph.open({ ...base, uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD });
    return { graph, mode: "remote", uri: env.NEO4J_URI, close: () => graph.close() };
  }
  log(`Starting the embedded Neo4j (data in ${env.NEO4J_DATA_DIR})…`);
  const neo = await startEmbeddedNeo4j({ dataDir: env.NEO4J_DATA_DIR, heapMb: env.NEO4J_HEAP_MB, pageCacheMb: env.NEO4J_PAGECACHE_MB, log });
  log(`Embedded Neo4j ${neo.version} listening at ${neo.uri}`);
  const graph = Graph.open({ ...base, uri: neo.uri, user: "neo4j", password: "" });
  return {
    graph,
    mode: "embedded",
    uri: neo.uri,
    async close() {
      await graph.close();
      await neo.stop();
    },
  };
}
