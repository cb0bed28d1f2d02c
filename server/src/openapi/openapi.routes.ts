import type { RequestHandler } from "express";

import { buildOpenApiDocument } from "./openapi.service.js";
import type { ApiRouter } from "../http/api-router.js";

/** Serves the document for every route registered on `api` so far; built once, on first request. */
export function openApiHandler(api: ApiRouter): RequestHandler {
  let doc: ReturnType<typeof buildOpenApiDocument> | undefined;
  return (_req, res) => {
    doc ??= buildOpenApiDocument(api.routes);
    res.json(doc);
  };
}
