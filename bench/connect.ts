/** What the benchmark scripts share around the database they start. */
import { waitUntilReachable } from "../server/src/db/connect.js";
import type { Graph } from "../server/src/db/graph.js";

/** Waits until the driver reaches the freshly started database (see `waitUntilReachable`). */
export async function waitForDatabase(graph: Graph): Promise<void> {
  await waitUntilReachable(graph);
}
