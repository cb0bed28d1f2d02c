import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

import request from "supertest";
import { afterAll, describe, expect, it, vi } from "vitest";

import type { TraceResponse } from "../../server/src/contract/api.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { createApp } from "../../server/src/server.js";
import { graphChecksum } from "../support/checksum.js";
import { testGraph } from "../support/graph.js";

const NS = "postgres://warehouse.example:5432";
const SYSTEM = "fixture-ol-ingest";
const TOKEN = "lineage-test-token-0123456789";
const PATH = "/api/v1/lineage";

/** The pipeline's events, each posted alone as OpenLineage's HTTP transport does. */
const events = JSON.parse(readFileSync(path.join(REPO_ROOT, "test", "fixtures", "openlineage", "pipeline.json"), "utf8")) as Record<string, unknown>[];

const graph = testGraph();
const on = (extra: { maxBytes?: number; ratePerSecond?: number } = {}) =>
  createApp({ graph, lineage: { token: TOKEN, maxBytes: extra.maxBytes ?? 5 * 1024 * 1024, ratePerSecond: extra.ratePerSecond ?? 0, namespaces: { [NS]: SYSTEM } } });
const auth = { Authorization: `Bearer ${TOKEN}` };

/** Posts bytes as they are (supertest would serialise a Buffer sent as JSON), as a client's gzip transport does. */
async function postBytes(app: ReturnType<typeof createApp>, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: { error?: { code: string } } & Record<string, unknown> }> {
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}${PATH}`, { method: "POST", headers, body: new Uint8Array(body) });
    return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
  } finally {
    server.close();
  }
}
const gzipHeaders = { ...auth, "Content-Type": "application/json", "Content-Encoding": "gzip" };

afterAll(async () => {
  await removeSystems(graph, [SYSTEM]);
});

describe("POST /api/v1/lineage (OpenLineage HTTP transport)", () => {
  it("does not exist when LINEAGE_INGEST_TOKEN is not set", async () => {
    const res = await request(createApp({ graph })).post(PATH).set(auth).send(events[0]);

    expect(res.status).toBe(404);
  });

  it("answers 401 without the token or with another one, and writes nothing", async () => {
    const before = await graphChecksum(graph);

    const none = await request(on()).post(PATH).send(events[0]);
    const wrong = await request(on()).post(PATH).set({ Authorization: "Bearer not-the-lineage-token-xx" }).send(events[0]);

    expect([none.status, wrong.status]).toEqual([401, 401]);
    expect(none.body.error.code).toBe("UNAUTHORIZED");
    expect(await graphChecksum(graph)).toBe(before);
  });

  it("answers 201 with the token, and the posted events are in the next trace", async () => {
    const app = on();
    for (const e of events) {
      const res = await request(app).post(PATH).set(auth).send(e);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toEqual({ accepted: 1, systems: [SYSTEM] });
    }

    const trace = (await request(app).get(`/api/trace?from=${encodeURIComponent(`table:${SYSTEM}/users`)}`)).body as TraceResponse;
    const downstream = new Map(trace.downstream!.map((d) => [`${d.table}.${d.name}`, d]));
    expect([...downstream.keys()]).toEqual(expect.arrayContaining(["contacts.email", "audience.email", "audience.email_sha256"]));
    expect(downstream.get("audience.email")!.evidence.via).toEqual(["crm_sync.load_contacts", "marketing.export_audience"]);
    expect(downstream.get("audience.email")!.evidence.provenance.at(-1)).toEqual([
      { kind: "observed", job: "marketing.export_audience", run: "0193a1f4-1c2d-7e3f-9a40-5b6c7d8e9f02", eventTime: "2026-11-30T03:00:41.877Z" },
    ]);
    const node = await request(app).get(`/api/nodes/${encodeURIComponent(`source:${SYSTEM}/ol-marketing-export-audience`)}`);
    expect(node.body.node.properties).toMatchObject({ observedJob: "marketing.export_audience", observedEventType: "COMPLETE", observedRunId: "0193a1f4-1c2d-7e3f-9a40-5b6c7d8e9f02" });
  });

  it("accepts a gzip body, and the same events again change nothing", async () => {
    const before = await graphChecksum(graph);

    const res = await postBytes(on(), gzipSync(JSON.stringify(events)), gzipHeaders);

    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.accepted).toBe(events.length);
    expect(await graphChecksum(graph)).toBe(before);
  });

  it("answers 413 past the size limit, measured after decompression", async () => {
    const big = JSON.stringify({ ...events[1], padding: "x".repeat(20_000) });

    const plain = await request(on({ maxBytes: 8192 })).post(PATH).set(auth).set("Content-Type", "application/json").send(big);
    // 20 kB of one letter compresses far below the limit: the limit holds for what it inflates to.
    const compressed = gzipSync(big);
    const gzipped = await postBytes(on({ maxBytes: 8192 }), compressed, gzipHeaders);

    expect(compressed.length).toBeLessThan(8192);
    expect([plain.status, gzipped.status]).toEqual([413, 413]);
    expect(plain.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers 400 naming the field of a malformed event, and writes nothing", async () => {
    const before = await graphChecksum(graph);
    const { job: _job, ...noJob } = events[1]!;

    const res = await request(on()).post(PATH).set(auth).send(noJob);
    const notJson = await request(on()).post(PATH).set(auth).set("Content-Type", "application/json").send("{ not json");

    expect(res.status).toBe(400);
    expect(res.body.error.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field: "job" })]));
    expect(notJson.status).toBe(400);
    expect(await graphChecksum(graph)).toBe(before);
  });

  it("is rate-limited per client", async () => {
    // The clock stands still: the bucket refills with time, so how long each write takes on a busy machine must not
    // decide whether the fourth request is refused.
    vi.useFakeTimers({ toFake: ["Date"] });
    const statuses: number[] = [];
    try {
      const app = on({ ratePerSecond: 1 });
      for (let i = 0; i < 4; i++) statuses.push((await request(app).post(PATH).set(auth).send(events[0])).status);
    } finally {
      vi.useRealTimers();
    }

    expect(statuses.slice(0, 2)).toEqual([201, 201]);
    expect(statuses.at(-1)).toBe(429);
  });

  it("leaves the rest of the API read-only: no other route takes a POST", async () => {
    const res = await request(on()).post("/api/tables").set(auth).send(events[0]);

    expect(res.status).toBe(404);
  });
});
