import { WhereRepository } from "./where.repository.js";
import { WhereQuerySchema } from "./where.schema.js";
import { WhereService } from "./where.service.js";
import { WhereResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function whereRoutes(api: ApiRouter, graph: Graph): void {
  const service = new WhereService(new WhereRepository(graph));
  api.get(
    {
      path: "/where",
      tag: "where",
      summary: "Where a data category (or a data subject's data) lives: what an access or erasure request must touch",
      description:
        "Every table and column holding the data, the tables that reference those tables (foreign keys: their rows go with an erasure), " +
        "the sources that write it (fill a column, feed its table, or copy into it) and the vendor flows that receive it, each with its transfer status.",
      query: WhereQuerySchema,
      response: WhereResponseSchema,
      responseName: "WhereResponse",
      errors: [400, 404],
    },
    ({ query }) => service.where(query),
  );
}
