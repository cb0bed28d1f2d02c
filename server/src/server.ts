/** Builds the Express app; it does not listen (index.ts / start.ts do), so tests can drive it with supertest. */
import { existsSync } from "node:fs";
import path from "node:path";

import express, { type Express } from "express";
import helmet from "helmet";

import { assessmentsRoutes } from "./assessments/assessments.routes.js";
import { AnswerCache } from "./db/cache.js";
import type { Graph } from "./db/graph.js";
import { healthRoutes } from "./health/health.routes.js";
import { ApiRouter, type Deadlines } from "./http/api-router.js";
import { requireToken } from "./http/auth.js";
import { compressResponses, type CompressFor } from "./http/compress.js";
import { errorMiddleware, notFoundApi, type ErrorLog } from "./http/error-middleware.js";
import { checkHost, limitUrlLength, rateLimit, refuseCrossSite } from "./http/limits.js";
import { REPO_ROOT } from "./inventory/paths.js";
import { lineageRoutes, type LineageOptions } from "./lineage/lineage.routes.js";
import { nodesRoutes } from "./nodes/nodes.routes.js";
import { openApiHandler } from "./openapi/openapi.routes.js";
import { overviewRoutes } from "./overview/overview.routes.js";
import { pathsRoutes } from "./paths/paths.routes.js";
import { reportsRoutes } from "./reports/reports.routes.js";
import { searchRoutes } from "./search/search.routes.js";
import { tablesRoutes } from "./tables/tables.routes.js";
import { traceRoutes } from "./trace/trace.routes.js";
import { transfersRoutes } from "./transfers/transfers.routes.js";
import { vendorsRoutes } from "./vendors/vendors.routes.js";
import { whereRoutes } from "./where/where.routes.js";

export const CLIENT_DIST = path.join(REPO_ROOT, "client", "dist");

export interface AppDeps {
  graph: Graph;
  clientDir?: string;
  /** When set, /api needs `Authorization: Bearer <apiToken>`. */
  apiToken?: string | undefined;
  /** Requests per second per client address on /api; 0 (the default here, for tests) turns it off. */
  rateLimitPerSecond?: number;
  /** The HOST the server listens on and extra names it answers to (see checkHost). */
  listenHost?: string;
  allowedHosts?: readonly string[];
  /** Express's `trust proxy` (e.g. "loopback" behind a reverse proxy on the same machine), so rate limits see clients. */
  trustProxy?: string | undefined;
  log?: ErrorLog;
  /** A request's whole deadline (default: the graph's query timeout), and an export's (default 60 s). */
  deadlines?: Partial<Deadlines>;
  /** The OpenLineage ingest endpoint (`POST /api/v1/lineage`); absent (the default), it does not exist. */
  lineage?: Omit<LineageOptions, "graph"> | undefined;
  /** Memory for answers kept per load sequence (db/cache.ts), in MB; 0 keeps none (default 64). */
  answerCacheMb?: number;
  /** Who gets compressed answers (http/compress.ts): clients across a network (default), or every client. */
  compressFor?: CompressFor;
}

/**
 * The routes whose answers read nothing but the graph, so an answer stays true until the next load: kept per load
 * sequence. Not kept: health (it is about the database now), assessments and reports (assessments are stored beside
 * the graph, and a report is dated), the ingest endpoint.
 */
const CACHED_TAGS = new Set(["search", "nodes", "tables", "trace", "vendors", "paths", "overview", "transfers", "where"]);

export function createApp({
  graph,
  clientDir = CLIENT_DIST,
  apiToken,
  rateLimitPerSecond = 0,
  listenHost = "127.0.0.1",
  allowedHosts = [],
  trustProxy,
  log,
  deadlines,
  lineage,
  answerCacheMb = 64,
  compressFor = "network",
}: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  if (trustProxy) app.set("trust proxy", trustProxy);
  app.use(checkHost(listenHost, allowedHosts));
  app.use(limitUrlLength);
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Cytoscape and React set inline styles; exports build images from blob: and data: URLs.
        directives: { "style-src": ["'self'", "'unsafe-inline'"], "img-src": ["'self'", "data:", "blob:"], "upgrade-insecure-requests": null },
      },
    }),
  );
  app.use(compressResponses(compressFor));

  const cache = answerCacheMb > 0 ? { answers: new AnswerCache({ current: () => graph.loadSequence() }, answerCacheMb * 1024 * 1024), tags: CACHED_TAGS, compressFor } : undefined;
  const api = new ApiRouter({ queryMs: deadlines?.queryMs ?? graph.queryTimeoutMs, exportMs: deadlines?.exportMs ?? 60_000 }, cache);
  healthRoutes(api, graph);
  searchRoutes(api, graph);
  nodesRoutes(api, graph);
  tablesRoutes(api, graph);
  traceRoutes(api, graph);
  vendorsRoutes(api, graph);
  pathsRoutes(api, graph);
  overviewRoutes(api, graph);
  transfersRoutes(api, graph);
  whereRoutes(api, graph);
  reportsRoutes(api, graph);
  assessmentsRoutes(api, graph);
  const openApi = openApiHandler(api);

  // The one route that writes, with a token of its own: mounted before the read-only API and its API_TOKEN.
  if (lineage) app.use("/api/v1/lineage", lineageRoutes({ graph, ...lineage }));

  const router = express.Router();
  router.use(refuseCrossSite);
  router.use(rateLimit(rateLimitPerSecond));
  router.use(requireToken(apiToken));
  router.use(api.router);
  router.get("/openapi.json", openApi);
  router.use(notFoundApi);
  app.use("/api", router);
  app.get("/openapi.json", openApi);

  // The built client; every other GET path is a client-side route (deep links such as /tables/CMS_User/referenced-by).
  if (existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, "index.html")));
  }
  app.use(errorMiddleware(log));
  return app;
}
