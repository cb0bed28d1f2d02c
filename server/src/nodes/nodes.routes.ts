import { nodeResolver } from "./node.resolve.js";
import { NodesRepository } from "./nodes.repository.js";
import { NeighborhoodQuerySchema, NodeParamsSchema } from "./nodes.schema.js";
import { NodesService } from "./nodes.service.js";
import { NeighborhoodResponseSchema, NodeResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function nodesRoutes(api: ApiRouter, graph: Graph): void {
  const service = new NodesService(new NodesRepository(graph), nodeResolver(graph));
  api.get(
    {
      path: "/nodes/:id",
      tag: "nodes",
      summary: "One node: its properties and how many neighbours of each kind it has",
      params: NodeParamsSchema,
      response: NodeResponseSchema,
      responseName: "NodeResponse",
      errors: [400, 404, 409],
    },
    ({ params }) => service.node(params.id),
  );
  api.get(
    {
      path: "/nodes/:id/neighborhood",
      tag: "nodes",
      summary: "The graph around a node, 1 to 3 steps out",
      description: "Any relationship, either direction; at most 500 nodes, nearest first, with `truncated: true` and `omitted` (how many nodes the answer has, how many are drawn, the kinds left out) when capped.",
      params: NodeParamsSchema,
      query: NeighborhoodQuerySchema,
      response: NeighborhoodResponseSchema,
      responseName: "NeighborhoodResponse",
      errors: [400, 404, 409],
    },
    ({ params, query }) => service.neighborhood(params.id, query),
  );
}
