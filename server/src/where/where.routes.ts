import { WhereRepository } from "./where.repository.js";
import { WhereColumnsQuerySchema, WhereQuerySchema } from "./where.schema.js";
import { WhereService } from "./where.service.js";
import { WhereColumnsResponseSchema, WhereResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function whereRoutes(api: ApiRouter, graph: Graph): void {
  const service = new WhereService(new WhereRepository(graph), () => graph.loadSequence());
  api.get(
    {
      path: "/where",
      tag: "where",
      summary: "Where a data category (or a data subject's data) lives: what an access or erasure request must touch",
      description:
        "Every table and column holding the data, the tables that reference those tables (foreign keys: their rows go with an erasure), " +
        "the sources that write it (fill a column, feed its table, or copy into it) and the vendor flows that receive it, each with its transfer status. " +
        "`columns` is the first page (`limit`); `columnCount` counts them all and every other list is complete; `next` asks `GET /api/where/columns` for more.",
      query: WhereQuerySchema,
      response: WhereResponseSchema,
      responseName: "WhereResponse",
      errors: [400, 404],
    },
    ({ query }) => service.where(query),
  );  api.get(
    {
      path: "/where/columns",
      tag: "where",
      summary: "The next page of the columns a where answer lists",
      description: "The same question with the `next` cursor it answered: the columns after it, in checklist order, with `columnCount` and the next cursor (null: the list is complete). A cursor from before a reload answers 409.",
      query: WhereColumnsQuerySchema,
      response: WhereColumnsResponseSchema,
      responseName: "WhereColumnsResponse",
      errors: [400, 404, 409],
    },
    ({ query }) => service.columns(query),
  );
}
