import { TraceRepository } from "./trace.repository.js";
import { TraceQuerySchema } from "./trace.schema.js";
import { TraceService } from "./trace.service.js";
import { TraceResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";
import { nodeResolver } from "../nodes/node.resolve.js";

export function traceRoutes(api: ApiRouter, graph: Graph): void {
  const service = new TraceService(new TraceRepository(graph), nodeResolver(graph));
  api.get(
    {
      path: "/trace",
      tag: "trace",
      summary: "Every vendor that personal data reaches downstream of a node",
      description:
        "Lists a vendor only when the inventory links the start to it: the start's columns, the columns they are copied into (a copy carries only " +
        "the categories its origin holds, or the column mappings the inventory states), and the flows from those columns to vendors. " +
        "References are not flows. Each field carries its evidence (the path that reaches the vendor); each flow its transfer status. " +
        "Filters apply to the whole answer (vendors, elements, counts); `facets` lists what the unfiltered answer holds.",
      query: TraceQuerySchema,
      response: TraceResponseSchema,
      responseName: "TraceResponse",
      errors: [400, 404, 409],
    },
    ({ query }) => service.trace(query),
  );
}
