/** The 5-second version of `npm run bench:load`: 50 connections of mixed requests, and not one may fail. */
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runLoad, warmUp } from "./load.js";
import { createHttpServer } from "../../server/src/http/listen.js";
import { createApp } from "../../server/src/server.js";
import { testGraph } from "../support/graph.js";

const server = createHttpServer(createApp({ graph: testGraph(), rateLimitPerSecond: 0 }), { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
let url = "";

beforeAll(async () => {
  server.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("the API under load (bench:load, 5 s)", () => {
  it("answers 50 connections of mixed requests for 5 s without a single failure", async () => {
    // Warm, as a running explorer is: the first plan of each query on a busy 2-core machine can take seconds.
    await warmUp(url);
    const r = await runLoad(url, { connections: 50, seconds: 5 });
    console.log(`[bench:load 5 s] ${r.reqPerSec} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.requests} requests, ${r.failures} failed`);

    expect(r.requests).toBeGreaterThan(0);
    expect({ non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
  }, 120_000);
});
