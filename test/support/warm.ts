/**
 * Runs a named query once without the API's time limit, so that a test file's first request does not pay Neo4j's
 * query planning (seconds on a loaded machine, 10 s+ on a busy CI runner) inside the 10 s limit the API reads run under.
 */
import { beforeAll } from "vitest";

import { cypher } from "../../server/src/db/cypher.js";
import type { Graph } from "../../server/src/db/graph.js";

export function warmQueries(graph: Graph, queries: [name: string, params: Record<string, unknown>][]): void {
  beforeAll(async () => {
    for (const [name, params] of queries) await graph.driver.executeQuery(cypher(name), params, { routing: "READ" });
  }, 120_000);
}
