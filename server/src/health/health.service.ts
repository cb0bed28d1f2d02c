import type { HealthResponse } from "../contract/api.js";
import { CoalescedRead } from "../db/coalesce.js";
import type { Graph } from "../db/graph.js";

/**
 * Whether the database answers, asked after each request arrived, but once for all the requests that arrive while a
 * check is under way (coalesce.ts): fifty clients polling health cost the database one check at a time, not fifty.
 */
export class HealthService {
  private readonly checks: CoalescedRead<HealthResponse>;

  constructor(graph: Graph) {
    this.checks = new CoalescedRead(
      async () => {
        const [neo4j, rows] = await Promise.all([graph.serverInfo(), graph.read("health/counts")]);
        const row = rows[0] ?? {};
        return { status: "ok", neo4j, counts: { nodes: Number(row.nodes ?? 0), relationships: Number(row.relationships ?? 0) } };
      },
      graph.queryTimeoutMs,
      "health",
    );
  }

  health(): Promise<HealthResponse> {
    return this.checks.get();
  }
}
