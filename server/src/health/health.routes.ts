import { Router } from "express";

import { getHealth } from "./health.service.js";
import type { Graph } from "../db/graph.js";

export function healthRoutes(graph: Graph): Router {
  const router = Router();
  /** 200 with the database version and graph size when Neo4j answers; 503 (via the error middleware) when not. */
  router.get("/health", async (_req, res) => {
    res.json(await getHealth(graph));
  });
  return router;
}
