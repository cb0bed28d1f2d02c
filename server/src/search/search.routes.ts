import { SearchRepository } from "./search.repository.js";
import { SearchQuerySchema } from "./search.schema.js";
import { SearchService } from "./search.service.js";
import { SearchResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function searchRoutes(api: ApiRouter, graph: Graph): void {
  const service = new SearchService(new SearchRepository(graph));
  api.get(
    {
      path: "/search",
      tag: "search",
      summary: "Full-text search over every kind of node",
      description: "Prefix and case-insensitive over names, headings, keys and aliases; names containing the text come after.",
      query: SearchQuerySchema,
      response: SearchResponseSchema,
      responseName: "SearchResponse",
      errors: [400],
    },
    ({ query }) => service.search(query),
  );
}
