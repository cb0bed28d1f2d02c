import { TraceRepository } from "./trace.repository.js";
import { TraceFieldsQuerySchema, TraceQuerySchema, TraceVendorsQuerySchema } from "./trace.schema.js";
import { TraceService } from "./trace.service.js";
import { TraceFieldsResponseSchema, TraceResponseSchema, TraceVendorsResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";
import { nodeResolver } from "../nodes/node.resolve.js";

export function traceRoutes(api: ApiRouter, graph: Graph): void {
  const service = new TraceService(new TraceRepository(graph), nodeResolver(graph), () => graph.loadSequence());
  api.get(
    {
      path: "/trace",
      tag: "trace",
      summary: "Every vendor that personal data reaches downstream of a node",
      description:
        "Lists a vendor only when the inventory links the start to it: the start's columns, the columns they are copied into (a copy carries only " +
        "the categories its origin holds, or the column mappings the inventory states), and the flows from those columns to vendors. " +
        "References are not flows. Each field carries its evidence (the path that reaches the vendor); each flow its transfer status. " +
        "Filters apply to the whole answer (vendors, elements, counts); `facets` lists what the unfiltered answer holds. " +
        "The vendor list is the first page (`limit`), each vendor's fields too (`fields`): `vendorCount` and `fieldCount` count everything, `next` and `fieldsNext` ask for more.",
      query: TraceQuerySchema,
      response: TraceResponseSchema,
      responseName: "TraceResponse",
      errors: [400, 404, 409],
    },
    ({ query }) => service.trace(query),
  );  api.get(
    {
      path: "/trace/vendors",
      tag: "trace",
      summary: "The next page of a trace's vendors",
      description: "The trace's query with the `next` cursor it answered: the vendors after it (same filters, same order by name), with `vendorCount` and the next cursor (null: the list is complete). A cursor from before a reload answers 409.",
      query: TraceVendorsQuerySchema,
      response: TraceVendorsResponseSchema,
      responseName: "TraceVendorsResponse",
      errors: [400, 404, 409],
    },
    ({ query }) => service.vendors(query),
  );
  api.get(
    {
      path: "/trace/fields",
      tag: "trace",
      summary: "The next page of the fields one vendor receives in a trace",
      description: "The trace's query, the vendor (`of`) and its `fieldsNext` cursor: its fields after it (by table, column), each with its evidence, with `fieldCount` and the next cursor. A cursor from before a reload answers 409.",
      query: TraceFieldsQuerySchema,
      response: TraceFieldsResponseSchema,
      responseName: "TraceFieldsResponse",
      errors: [400, 404, 409],
    },
    ({ query }) => service.fields(query),
  );
}
