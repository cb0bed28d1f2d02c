/** What the benchmark scripts share around the database they start. */
import type { Graph } from "../server/src/db/graph.js";

/**
 * Waits until the driver reaches the database: it gives up acquiring a connection after 2 s (the app must fail fast),
 * and a freshly started embedded Neo4j on a busy machine needs longer at first. Tries once a second, 30 times.
 */
export async function waitForDatabase(graph: Graph): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await graph.driver.verifyConnectivity();
      return;
    } catch (err) {
      if (attempt >= 30) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
