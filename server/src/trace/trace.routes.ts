import { TraceRepository } from "./trace.repository.js";
import { TraceQuerySchema } from "./trace.schema.js";
import { TraceService } from "./trace.service.js";
import { TraceResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function traceRoutes(api: ApiRouter, graph: Graph): void {
  const service = new TraceService(new TraceRepository(graph));
  api.get(
    {
      path: "/trace",
      tag: "trace",
      summary: "Every vendor that personal data reaches downstream of a node",
      description:
        "Follows data-flow edges only (source → table/column, table → table copies, table → personal column → vendor → countries of that flow's system). " +
        "A source that names the fields it fills reaches those fields, not its whole table. " +
        "A category or purpose is only a starting point, so a trace never crosses from one system into another through it.",
      query: TraceQuerySchema,
      response: TraceResponseSchema,
      responseName: "TraceResponse",
      errors: [400, 404],
    },
    ({ query }) => service.trace(query.from),
  );
}
