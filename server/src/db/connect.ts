/**
 * Picks the database: NEO4J_URI when set, else the embedded Neo4j, which is watched: if its JVM dies, it is
 * started again on the same data and the graph reconnects, so the API recovers without anyone restarting the
 * app. (An external server that comes back needs nothing: the driver opens new connections to it by itself.)
 */
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from "./embedded.js";
import { Graph } from "./graph.js";
import type { Env } from "../config/env.js";

export interface Database {
  graph: Graph;
  mode: "embedded" | "remote";
  readonly uri: string;
  /** The embedded JVM's process id (undefined for an external server). */
  readonly pid: number | undefined;
  close(): Promise<void>;
}

const RESTART_DELAYS_MS = [0, 1000, 2000, 5000, 10_000, 30_000];

/**
 * Waits until the driver reaches the database, for command-line tools: the app gives up acquiring a connection after
 * 2 s (it must answer fast), and a just-started embedded Neo4j on a busy machine needs longer for its first one.
 * Tries once a second, `attempts` times, then throws the driver's error.
 */
export async function waitUntilReachable(graph: Graph, attempts = 30): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await graph.driver.verifyConnectivity();
      return;
    } catch (err) {
      if (attempt >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export async function connectDatabase(env: Env, log: (msg: string) => void = console.log): Promise<Database> {
  const base = {
    database: env.NEO4J_DATABASE,
    queryTimeoutMs: env.QUERY_TIMEOUT_MS,
    concurrency: env.DB_CONCURRENCY,
    queue: env.DB_QUEUE,
    queueWaitMs: env.DB_QUEUE_WAIT_MS,
  };
  if (env.NEO4J_URI) {
    const graph = Graph.open({ ...base, uri: env.NEO4J_URI, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD ?? "" });
    return { graph, mode: "remote", uri: env.NEO4J_URI, pid: undefined, close: () => graph.close() };
  }
  log(`Starting the embedded Neo4j (data in ${env.NEO4J_DATA_DIR})…`);
  const options: EmbeddedOptions = { dataDir: env.NEO4J_DATA_DIR, heapMb: env.NEO4J_HEAP_MB, pageCacheMb: env.NEO4J_PAGECACHE_MB, log };
  let neo: EmbeddedNeo4j = await startEmbeddedNeo4j(options);
  log(`Embedded Neo4j ${neo.version} listening at ${neo.uri} (pid ${neo.pid})`);
  // NEO4J_PASSWORD is for external servers; the embedded one has the password the app generated.
  const graph = Graph.open({ ...base, uri: neo.uri, user: neo.user, password: neo.password });
  // An object, not a `let`: the flag is set by close() while restart() awaits, which narrowing cannot see.
  const state = { closing: false };
  const closing = () => state.closing;

  const restart = async (): Promise<void> => {
    const port = Number(new URL(neo.uri.replace(/^bolt:/, "http:")).port);
    for (let attempt = 0; !closing(); attempt++) {
      const delay = RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]!;
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      if (closing()) return;
      try {
        // The same port first (a client that cached it keeps working); any free port if it is taken.
        neo = await startEmbeddedNeo4j({ ...options, port: attempt % 2 === 0 ? port : 0 });
        if (closing()) {
          await neo.stop();
          return;
        }
        graph.reconnect(neo.uri);
        log(`Embedded Neo4j is back at ${neo.uri} (pid ${neo.pid})`);
        watch(neo);
        return;
      } catch (err) {
        log(`Restarting the embedded Neo4j failed (attempt ${attempt + 1}): ${(err as Error).message.split("\n")[0]}`);
      }
    }
  };
  const watch = (running: EmbeddedNeo4j) => {
    void running.exited.then(({ code, signal }) => {
      if (closing() || running !== neo) return;
      log(`The embedded Neo4j stopped unexpectedly (${signal ?? `exit ${code}`}); restarting it…`);
      void restart();
    });
  };
  watch(neo);

  return {
    graph,
    mode: "embedded",
    get uri() {
      return neo.uri;
    },
    get pid() {
      return neo.pid;
    },
    async close() {
      state.closing = true;
      await graph.close();
      await neo.stop();
    },
  };
}
