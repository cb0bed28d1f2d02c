import { PathsRepository } from "./paths.repository.js";
import { PathsQuerySchema } from "./paths.schema.js";
import { PathsService } from "./paths.service.js";
import { PathsResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";
import { nodeResolver } from "../nodes/node.resolve.js";

export function pathsRoutes(api: ApiRouter, graph: Graph): void {
  const service = new PathsService(new PathsRepository(graph), nodeResolver(graph));
  api.get(
    {
      path: "/paths",
      tag: "paths",
      summary: "The shortest data-flow paths from one node to another",
      description:
        "Data-flow edges in the direction data flows, within the start's system, at most 10 steps; up to 10 equally short paths. " +
        "A category or purpose can be the first or last step only. No path is an empty list, not an error.",
      query: PathsQuerySchema,
      response: PathsResponseSchema,
      responseName: "PathsResponse",
      errors: [400, 404, 409],
    },
    ({ query }) => service.paths(query),
  );
}
