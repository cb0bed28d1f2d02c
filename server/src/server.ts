/** Builds the Express app; it does not listen (index.ts / start.ts do), so tests can drive it with supertest. */
import { existsSync } from "node:fs";
import path from "node:path";

import express, { type Express } from "express";
import helmet from "helmet";

import type { Graph } from "./db/graph.js";
import { healthRoutes } from "./health/health.routes.js";
import { errorMiddleware, notFoundApi } from "./http/error-middleware.js";
import { REPO_ROOT } from "./inventory/paths.js";

export const CLIENT_DIST = path.join(REPO_ROOT, "client", "dist");

export interface AppDeps {
  graph: Graph;
  clientDir?: string;
}

export function createApp({ graph, clientDir = CLIENT_DIST }: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.use(
    helmet({
      contentSecurityPolicy: {
        // Cytoscape and React set inline styles; exports build images from blob: and data: URLs.
        directives: { "style-src": ["'self'", "'unsafe-inline'"], "img-src": ["'self'", "data:", "blob:"], "upgrade-insecure-requests": null },
      },
    }),
  );

  const api = express.Router();
  api.use(healthRoutes(graph));
  api.use(notFoundApi);
  app.use("/api", api);

  // The built client; every other GET path is a client-side route (deep links such as /tables/CMS_User/referenced-by).
  if (existsSync(path.join(clientDir, "index.html"))) {
    app.use(express.static(clientDir, { index: false, maxAge: "1h" }));
    app.get(/^(?!\/api\/).*/, (_req, res) => res.sendFile(path.join(clientDir, "index.html")));
  }
  app.use(errorMiddleware);
  return app;
}
