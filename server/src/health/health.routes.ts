import { HealthService } from "./health.service.js";
import { HealthResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function healthRoutes(api: ApiRouter, graph: Graph): void {
  const service = new HealthService(graph);
  api.get(
    {
      path: "/health",
      tag: "health",
      summary: "Whether Neo4j answers, its version and the graph's size (503 when the database is down)",
      response: HealthResponseSchema,
      responseName: "HealthResponse",
      errors: [],
    },
    () => service.health(),
  );
}
