/**
 * `POST /api/v1/lineage`, the path OpenLineage's HTTP transport posts to. It exists only when LINEAGE_INGEST_TOKEN is
 * set and needs that token (`Authorization: Bearer …`), whatever API_TOKEN says; it is the only route that writes.
 * Bodies may be gzip- or deflate-encoded and are refused past `maxBytes` (decompressed) with 413; each event is
 * validated with zod (400 naming the event and field); the events are written in one transaction (201).
 */
import express, { Router, type ErrorRequestHandler } from "express";

import { lineageBodySchema } from "./lineage.schema.js";
import { LineageService } from "./lineage.service.js";
import type { Graph } from "../db/graph.js";
import { AppError, PayloadTooLargeError, ValidationError } from "../errors.js";
import { requireToken } from "../http/auth.js";
import { rateLimit } from "../http/limits.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";

export interface LineageOptions {
  graph: Graph;
  token: string;
  /** Largest body accepted, after decompression. */
  maxBytes: number;
  /** Requests per second per client address; 0 turns the limit off. */
  ratePerSecond: number;
  /** OpenLineage namespace → system id. */
  namespaces?: Readonly<Record<string, string>>;
}

export function lineageRoutes(opts: LineageOptions): Router {
  const service = new LineageService(opts.graph, opts.namespaces);
  const router = Router();
  router.use(rateLimit(opts.ratePerSecond));
  router.use(requireToken(opts.token));
  router.post(
    "/",
    // Any media type: clients send application/json, some without a charset or with none at all.
    express.raw({ type: () => true, limit: opts.maxBytes, inflate: true }),
    async (req, res) => {
      let value: unknown;
      try {
        value = JSON.parse(Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "");
      } catch (err) {
        throw new ValidationError(`The body is not JSON: ${(err as Error).message}`);
      }
      const parsed = lineageBodySchema(value).safeParse(value);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
        throw new ValidationError("The body is not an OpenLineage run event (or an array of them).", { issues });
      }
      const events = Array.isArray(parsed.data) ? parsed.data : [parsed.data];
      try {
        res.status(201).json(await service.ingest(events));
      } catch (err) {
        if (err instanceof InventoryValidationError) throw new ValidationError(err.message, { issues: err.issues.map((i) => ({ field: i.field, message: i.message })) });
        throw err;
      }
    },
  );
  const bodyErrors: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
    const type = (err as { type?: unknown }).type;
    if (type === "entity.too.large") next(new PayloadTooLargeError(opts.maxBytes));
    else if (!(err instanceof AppError) && typeof type === "string") next(new ValidationError(`The body could not be read (${type}).`));
    else next(err);
  };
  router.use(bodyErrors);
  router.all("/", (req, _res, next) => next(new AppError("BAD_REQUEST", 405, `${req.method} is not allowed here; POST run events.`)));
  return router;
}
