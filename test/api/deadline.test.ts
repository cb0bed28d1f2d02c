/**
 * One deadline per request: QUERY_TIMEOUT_MS covers queueing, the database and building the answer in Node. Past it
 * the client gets 503 at once, and the work still running is abandoned (its late result or error is dropped).
 */
import express from "express";
import request from "supertest";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { currentDeadline } from "../../server/src/deadline.js";
import { ApiRouter } from "../../server/src/http/api-router.js";
import { errorMiddleware } from "../../server/src/http/error-middleware.js";
import { createApp } from "../../server/src/server.js";
import { testGraph } from "../support/graph.js";

const graph = testGraph();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An app with one route whose answer takes `buildMs` to build in Node (no database at all). */
function slowBuilder(deadlineMs: number, buildMs: number, log: string[], finished: string[]) {
  const api = new ApiRouter({ queryMs: deadlineMs, exportMs: deadlineMs * 2 });
  api.get({ path: "/slow", tag: "test", summary: "slow", response: z.object({ ok: z.boolean() }), responseName: "Slow", errors: [] }, async () => {
    // Building in steps, as the services do between queries: each step checks the request's deadline.
    for (let i = 0; i < buildMs / 10; i++) {
      await sleep(10);
      currentDeadline()?.check();
    }
    finished.push("built");
    return { ok: true };
  });
  const app = express();
  app.use("/api", api.router);
  app.use(errorMiddleware((l) => log.push(l)));
  return app;
}

describe("a request's deadline", () => {
  it("answers 503 QUERY_TIMEOUT with Retry-After as soon as building the answer outlasts it, and drops the late work", async () => {
    const log: string[] = [];
    const finished: string[] = [];
    const app = slowBuilder(60, 2000, log, finished);
    const started = Date.now();

    const res = await request(app).get("/api/slow");
    const took = Date.now() - started;

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("QUERY_TIMEOUT");
    expect(res.headers["retry-after"]).toMatch(/^\d+$/);
    // Answered at the deadline, not when the 2 s of work would have ended (slack for a busy machine).
    expect(took).toBeLessThan(1500);
    await sleep(2100);
    // The abandoned work stopped at its next step: it never finished, and nothing but the one 503 was logged.
    expect(finished).toEqual([]);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/503 QUERY_TIMEOUT GET \/api\/slow/);
  });

  it("lets an answer that is built in time through", async () => {
    const finished: string[] = [];
    const res = await request(slowBuilder(2000, 50, [], finished)).get("/api/slow");

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect(finished).toEqual(["built"]);
  });

  it("covers the real queries too: a trace with a tiny deadline is 503 in time, and with the usual one 200", async () => {
    const log: string[] = [];
    const tiny = createApp({ graph, deadlines: { queryMs: 30 }, log: (l) => log.push(l) });
    const started = Date.now();

    const res = await request(tiny).get("/api/trace?from=system:kentico");

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("QUERY_TIMEOUT");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(log.filter((l) => /\b500\b/.test(l))).toEqual([]);

    const usual = await request(createApp({ graph })).get("/api/trace?from=system:kentico");
    expect(usual.status).toBe(200);
  });
});
