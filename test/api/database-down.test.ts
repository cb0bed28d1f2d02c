import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";

import { Graph } from "../../server/src/db/graph.js";
import { createApp } from "../../server/src/server.js";

// Nothing listens on this port: to the driver, a database that is down.
const graph = Graph.open({ uri: "bolt://127.0.0.1:9", user: "neo4j", password: "x", queryTimeoutMs: 1000 });
const app = createApp({ graph });
afterAll(() => graph.close());

const ENDPOINTS = [
  "/api/search?q=user",
  "/api/nodes/table%3Akentico%2FCMS_User",
  "/api/nodes/table%3Akentico%2FCMS_User/neighborhood?depth=2",
  "/api/tables",
  "/api/tables/CMS_User",
  "/api/tables/CMS_User/referenced-by",
  "/api/trace?from=table:kentico/COM_Customer",
  "/api/vendors",
  "/api/vendors/paypal",
  "/api/paths?from=table:kentico/COM_Customer&to=vendor:paypal",
  "/api/overview",
  "/api/where?category=category%3Aemail-address",
  "/api/where/tables?category=category%3Aemail-address",
];

describe("every endpoint when the database is down", () => {
  it.each(ENDPOINTS)("GET %s answers 503 with a JSON error within 2 s", async (url) => {
    const started = Date.now();

    const res = await request(app).get(url);

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("DATABASE_UNAVAILABLE");
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+|Neo4jError|bolt:/);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("still validates before touching the database: 400, not 503", async () => {
    const res = await request(app).get("/api/trace?from=nonsense");

    expect(res.status).toBe(400);
  });

  it("still serves the OpenAPI document, which needs no database", async () => {
    const res = await request(app).get("/api/openapi.json");

    expect(res.status).toBe(200);
  });
});
