import { VendorsRepository } from "./vendors.repository.js";
import { VendorParamsSchema, VendorsQuerySchema } from "./vendors.schema.js";
import { VendorsService } from "./vendors.service.js";
import { VendorResponseSchema, VendorsResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function vendorsRoutes(api: ApiRouter, graph: Graph): void {
  const service = new VendorsService(new VendorsRepository(graph));
  api.get(
    {
      path: "/vendors",
      tag: "vendors",
      summary: "Every vendor, with the systems that use it and the countries it sits or stores data in",
      query: VendorsQuerySchema,
      response: VendorsResponseSchema,
      responseName: "VendorsResponse",
      errors: [400],
    },
    ({ query }) => service.list(query.systems?.length ? query.systems : null, query.limit, query.cursor ?? null),
  );
  api.get(
    {
      path: "/vendors/:id",
      tag: "vendors",
      summary: "What a vendor receives (category, from which system and field), why, where, and for how long",
      params: VendorParamsSchema,
      response: VendorResponseSchema,
      responseName: "VendorResponse",
      errors: [400, 404],
    },
    ({ params }) => service.vendor(params.id),
  );
}
