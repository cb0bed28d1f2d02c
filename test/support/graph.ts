/** Test helpers: a Graph and an Express app wired to the run's real Neo4j (see global-setup.ts). */
import { afterAll, inject } from "vitest";

import { Graph } from "../../server/src/db/graph.js";
import { createApp } from "../../server/src/server.js";

/**
 * The app's Graph plus Cypher text run through the app's own read path (`runRead`: read session, read
 * transaction, queue, deadline). Only tests use it: for a plain count to check an answer against, and to prove
 * that the read path refuses writes. The product runs only the files in `cypher/`.
 */
export class ProbeGraph extends Graph {
  probe(text: string, params: Record<string, unknown> = {}) {
    return this.runRead(text, params, "plain");
  }
}

export function testGraph(): ProbeGraph {
  const conn = inject("neo4j");
  // Feature tests share two busy cores with a browser and other suites: let reads wait in the queue as long as
  // their timeout rather than get the fast "busy" 503 that the overload tests are about.
  const graph = new ProbeGraph({ ...conn, queryTimeoutMs: 10_000, queueWaitMs: 10_000 });
  afterAll(() => graph.close());
  return graph;
}

export function testApp(graph: Graph = testGraph()) {
  return createApp({ graph });
}

/** Runs `work` while recording the names of the `cypher/` queries the graph runs, in order; the graph is as before after. */
export async function recordingReads(graph: Graph, work: (asked: string[]) => Promise<void>): Promise<void> {
  const read = graph.read.bind(graph);
  const asked: string[] = [];
  graph.read = (query, params) => {
    asked.push(query);
    return read(query, params);
  };
  try {
    await work(asked);
  } finally {
    graph.read = read;
  }
}
