/** Test helpers: a Graph and an Express app wired to the run's real Neo4j (see global-setup.ts). */
import { afterAll, inject } from "vitest";

import { Graph } from "../../server/src/db/graph.js";
import { createApp } from "../../server/src/server.js";

export function testGraph(): Graph {
  const conn = inject("neo4j");
  // Feature tests share two busy cores with a browser and other suites: let reads wait in the queue as long as
  // their timeout rather than get the fast "busy" 503 that the overload tests are about.
  const graph = Graph.open({ ...conn, queryTimeoutMs: 10_000, queueWaitMs: 10_000 });
  afterAll(() => graph.close());
  return graph;
}

export function testApp(graph: Graph = testGraph()) {
  return createApp({ graph });
}
