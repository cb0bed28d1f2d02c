/** The OpenAPI document, generated from the routes' own zod schemas (request and response). */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";

import { ErrorResponseSchema } from "../contract/api.js";
import type { RouteSpec } from "../http/api-router.js";

type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;

/** `/nodes/:id/neighborhood` → `/api/nodes/{id}/neighborhood`. */
export function openApiPath(expressPath: string): string {
  return `/api${expressPath.replace(/:([A-Za-z_]\w*)/g, "{$1}")}`;
}

const ERROR_DESCRIPTIONS = {
  400: "Invalid parameters; `details` names each field and what is wrong with it.",
  404: "The node, table or vendor does not exist; for a node id, `details.suggestions` lists the closest search results.",
  401: "API_TOKEN is set and the request has no `Authorization: Bearer <token>`, or a wrong one.",
  409: "The name, or an id without its system (`table:CMS_User`), stands for more than one node (several systems have it); `details.candidates` lists their ids.",
  429: "Too many requests from this address; `Retry-After` says when to try again.",
  503: "The graph database is unreachable or busy, or the query took too long; `Retry-After` says when to try again.",
} as const;

/**
 * A response schema under its component name. Zod's `.meta({ id })` (read through zod's global registry) is used
 * rather than the library's `.openapi()`, which would need zod's prototype patched in the same module instance.
 */
function named(schemas: Map<string, z.ZodType>, name: string, schema: z.ZodType): z.ZodType {
  let found = schemas.get(name);
  if (!found) {
    found = schema.meta({ id: name });
    schemas.set(name, found);
  }
  return found;
}

export function buildOpenApiDocument(routes: readonly RouteSpec[]): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  const schemas = new Map<string, z.ZodType>();
  const error = named(schemas, "ErrorResponse", ErrorResponseSchema);
  for (const route of routes) {
    // Every route can meet the token check, the rate limit and the database being down or busy.
    const errors = [...route.errors, 401 as const, 429 as const, 503 as const];
    registry.registerPath({
      method: "get",
      path: openApiPath(route.path),
      tags: [route.tag],
      summary: route.summary,
      ...(route.description ? { description: route.description } : {}),
      request: { ...(route.params ? { params: route.params } : {}), ...(route.query ? { query: route.query } : {}) },
      responses: {
        200: {
          description: route.summary,
          content: {
            "application/json": { schema: named(schemas, route.responseName, route.response) },
            ...Object.fromEntries((route.produces ?? []).filter((t) => t !== "application/json").map((t) => [t, { schema: { type: "string" as const, format: "binary" } }])),
          },
        },
        ...Object.fromEntries(errors.map((status) => [status, { description: ERROR_DESCRIPTIONS[status], content: { "application/json": { schema: error } } }])),
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Personal-data lineage explorer API",
      version: "1.0.0",
      description:
        "Read-only questions about where personal data lives, where it comes from and which vendors receive it. Graph answers carry Cytoscape elements. " +
        "When the server has an API_TOKEN, every call needs `Authorization: Bearer <token>`.",
    },
    servers: [{ url: "/" }],
  });
}
