import { TablesRepository } from "./tables.repository.js";
import { TableParamsSchema, TablesQuerySchema } from "./tables.schema.js";
import { TablesService } from "./tables.service.js";
import { ReferencedByResponseSchema, TableResponseSchema, TablesResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function tablesRoutes(api: ApiRouter, graph: Graph): void {
  const service = new TablesService(new TablesRepository(graph));
  api.get(
    {
      path: "/tables",
      tag: "tables",
      summary: "Every table (or logical entity), optionally of one system or of a list of systems",
      query: TablesQuerySchema,
      response: TablesResponseSchema,
      responseName: "TablesResponse",
      errors: [400],
    },
    ({ query }) => service.list(query.system ?? null, query.systems?.length ? query.systems : null, query.limit, query.cursor ?? null),
  );
  api.get(
    {
      path: "/tables/:name",
      tag: "tables",
      summary: "A table with its columns: kind, data category, purposes, references, vendors and sources",
      params: TableParamsSchema,
      response: TableResponseSchema,
      responseName: "TableResponse",
      errors: [400, 404, 409],
    },
    ({ params }) => service.table(params.name),
  );
  api.get(
    {
      path: "/tables/:name/referenced-by",
      tag: "tables",
      summary: "Which tables reference this one, and through which columns",
      description: "Combines both forms in which the document states references: in the referencing table's section and in this table's.",
      params: TableParamsSchema,
      response: ReferencedByResponseSchema,
      responseName: "ReferencedByResponse",
      errors: [400, 404, 409],
    },
    ({ params }) => service.referencedBy(params.name),
  );
}
