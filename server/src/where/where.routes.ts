import { WhereRepository } from "./where.repository.js";
import { WhereListQuerySchema, WhereQuerySchema } from "./where.schema.js";
import { WhereService } from "./where.service.js";
import { WhereColumnsResponseSchema, WhereReferencingResponseSchema, WhereResponseSchema, WhereTablesResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

const LATER_PAGE = "The same question with the cursor its previous page gave: the items after it, in checklist order, with their count and the next cursor (null: the list is complete). A cursor from before a reload answers 409.";

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
        "`columns`, `tables` and `referencing` are first pages (`limit` each): `columnCount`, `tableCount` and `referencingCount` count them all, and " +
        "`next`, `tablesNext` and `referencingNext` ask `GET /api/where/columns`, `/tables` and `/referencing` for more. `sources` and `vendors` are complete.",
      query: WhereQuerySchema,
      response: WhereResponseSchema,
      responseName: "WhereResponse",
      errors: [400, 404],
    },
    ({ query }) => service.where(query),
  );
  api.get(
    { path: "/where/columns", tag: "where", summary: "The next page of the columns a where answer lists", description: LATER_PAGE, query: WhereListQuerySchema, response: WhereColumnsResponseSchema, responseName: "WhereColumnsResponse", errors: [400, 404, 409] },
    ({ query }) => service.columns(query),
  );
  api.get(
    { path: "/where/tables", tag: "where", summary: "The next page of the tables a where answer lists", description: LATER_PAGE, query: WhereListQuerySchema, response: WhereTablesResponseSchema, responseName: "WhereTablesResponse", errors: [400, 404, 409] },
    ({ query }) => service.tables(query),
  );
  api.get(
    { path: "/where/referencing", tag: "where", summary: "The next page of the tables referencing a where answer's tables", description: LATER_PAGE, query: WhereListQuerySchema, response: WhereReferencingResponseSchema, responseName: "WhereReferencingResponse", errors: [400, 404, 409] },
    ({ query }) => service.referencing(query),
  );
}
