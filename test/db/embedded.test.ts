import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";

import { ensureLauncherBuilt, EmbeddedNeo4jError, startEmbeddedNeo4j } from "../../server/src/db/embedded.js";
import { Graph } from "../../server/src/db/graph.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../../server/src/inventory/seed.service.js";
import { createApp } from "../../server/src/server.js";

const dataDir = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("the embedded Neo4j", () => {
  it("serves health 200, then 503 within 2 s once stopped, leaves no JVM behind, and is picked up again with the same graph when it comes back", async () => {
    const first = await startEmbeddedNeo4j({ dataDir, heapMb: 512, pageCacheMb: 64, log: () => {} });
    const graph = Graph.open({ uri: first.uri, user: first.user, password: first.password, queryTimeoutMs: 5000 });
    const app = createApp({ graph });
    await loadInventoryFiles(graph, [path.join(REPO_ROOT, "test", "fixtures", "fixture-crm.yaml")]);

    const up = await request(app).get("/api/health");
    expect(up.status).toBe(200);
    expect(up.body.neo4j.version).toMatch(/^5\.26\./);
    const stored = up.body.counts;

    await first.stop();
    expect(isRunning(first.pid)).toBe(false);
    const started = Date.now();
    const down = await request(app).get("/api/health");
    expect(down.status).toBe(503);
    expect(down.body.error.code).toBe("DATABASE_UNAVAILABLE");
    expect(Date.now() - started).toBeLessThan(2000);

    // The same server back on the same port: the app that saw it go picks it up by itself (as with an external
    // NEO4J_URI server that restarts), and the graph is the one stored before.
    const port = Number(new URL(first.uri.replace("bolt:", "http:")).port);
    const second = await startEmbeddedNeo4j({ dataDir, port, heapMb: 512, pageCacheMb: 64, log: () => {} });
    try {
      let res = await request(app).get("/api/health");
      for (let i = 0; res.status !== 200 && i < 20; i++) {
        await new Promise((r) => setTimeout(r, 500));
        res = await request(app).get("/api/health");
      }
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual(stored);
    } finally {
      await graph.close();
      await second.stop();
    }
  }, 300_000);

  it("says clearly that Java is missing when `java` is not on PATH", () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(() => ensureLauncherBuilt(() => {})).toThrow(EmbeddedNeo4jError);
      expect(() => ensureLauncherBuilt(() => {})).toThrow(/`java` was not found on PATH\. Install a JDK 17 or newer/);
    } finally {
      process.env.PATH = path;
    }
  });
});
