import request from "supertest";
import { describe, expect, it } from "vitest";

import { Graph } from "../../server/src/db/graph.js";
import { createApp } from "../../server/src/server.js";
import { testApp, testGraph } from "../support/graph.js";

describe("GET /api/health", () => {
  it("answers 200 with the Neo4j 5.26 version and the graph's size when the database is up", async () => {
    const res = await request(testApp()).get("/api/health");

    expect(res.status).toBe(200);
    expect(res.body.status).toBe("ok");
    expect(res.body.neo4j.version).toMatch(/^5\.26\./);
    expect(res.body.counts.nodes).toBeGreaterThan(500);
    expect(res.body.counts.relationships).toBeGreaterThan(1000);
  });

  it("counts the graph's own nodes, not the assessments stored beside it nor the load's bookkeeping", async () => {
    const graph = testGraph();
    const res = await request(testApp(graph)).get("/api/health");

    const [own] = await graph.probe("MATCH (n:Node) RETURN count(n) AS n");
    const [all] = await graph.probe("MATCH (n) RETURN count(n) AS n");
    expect(res.body.counts.nodes).toBe(own!.n);
    // The load sequence and the overview summaries exist beside the graph, so the two counts differ.
    expect(all!.n as number).toBeGreaterThan(own!.n as number);
  });

  it("answers 503 with a JSON error within 2 s when the database is stopped", async () => {
    // Nothing listens on this port: to the driver, a database that is down.
    const graph = Graph.open({ uri: "bolt://127.0.0.1:9", user: "neo4j", password: "x", queryTimeoutMs: 1000 });
    const started = Date.now();
    try {
      const res = await request(createApp({ graph })).get("/api/health");

      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe("DATABASE_UNAVAILABLE");
      // Refused at once, or no answer within the deadline: either way an honest 503.
      expect(res.body.error.message).toMatch(/not reachable|did not answer/);
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await graph.close();
    }
  });
});

describe("unknown API paths", () => {
  it("answer 404 JSON, not the client's HTML", async () => {
    const res = await request(testApp()).get("/api/no-such-thing");

    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
  });
});
