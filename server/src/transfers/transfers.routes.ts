import { TransfersRepository } from "./transfers.repository.js";
import { TransfersQuerySchema } from "./transfers.schema.js";
import { TransfersService } from "./transfers.service.js";
import { CountriesResponseSchema, TransfersResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";
import { readCatalogue, type Catalogue } from "../inventory/inventory.parse.js";
import { CATALOGUE_DIR } from "../inventory/paths.js";

export function transfersRoutes(api: ApiRouter, graph: Graph): void {
  let catalogue: Promise<Catalogue> | null = null;
  const service = new TransfersService(new TransfersRepository(graph), () => (catalogue ??= readCatalogue(CATALOGUE_DIR)));
  api.get(
    {
      path: "/countries",
      tag: "transfers",
      summary: "Every ISO 3166-1 country with its EEA membership and the European Commission's adequacy decision, if any",
      response: CountriesResponseSchema,
      responseName: "CountriesResponse",
      errors: [],
    },
    () => service.countries(),
  );
  api.get(
    {
      path: "/transfers",
      tag: "transfers",
      summary: "Every vendor flow that needs a transfer safeguard (third country) or whose country the inventory does not state",
      query: TransfersQuerySchema,
      response: TransfersResponseSchema,
      responseName: "TransfersResponse",
      errors: [400],
    },
    ({ query }) => service.transfers(query.limit, query.cursor ?? null),
  );
}
