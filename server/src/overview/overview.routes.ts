import { OverviewRepository } from "./overview.repository.js";
import { OverviewQuerySchema } from "./overview.schema.js";
import { OverviewService } from "./overview.service.js";
import { OverviewResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function overviewRoutes(api: ApiRouter, graph: Graph): void {
  const service = new OverviewService(new OverviewRepository(graph));
  api.get(
    {
      path: "/overview",
      tag: "overview",
      summary: "The system-level picture: systems → vendors → countries",
      query: OverviewQuerySchema,
      response: OverviewResponseSchema,
      responseName: "OverviewResponse",
      errors: [400],
    },
    ({ query }) => service.overview(query.systems?.length ? query.systems : null, { group: query.group, expand: query.expand ?? [] }),
  );
}
