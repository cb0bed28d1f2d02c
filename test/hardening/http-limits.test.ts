/** The HTTP edge: strict numbers, Host check, API token, rate limit, oversized and slow requests, error logs. */
import type { AddressInfo } from "node:net";
import net from "node:net";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { Graph } from "../../server/src/db/graph.js";
import { tokenMatches } from "../../server/src/http/auth.js";
import { hostName } from "../../server/src/http/limits.js";
import { createHttpServer } from "../../server/src/http/listen.js";
import { createApp } from "../../server/src/server.js";
import { testGraph } from "../support/graph.js";

const graph = testGraph();
const logs: string[] = [];
const app = createApp({ graph, log: (l) => logs.push(l) });

/** Sends raw bytes and returns what came back before the server closed (or `waitMs` passed). */
function raw(port: number, payload: string, waitMs = 5000): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(payload));
    let got = "";
    const done = () => resolve(got);
    socket.on("data", (b) => (got += b.toString("latin1")));
    socket.on("close", done);
    socket.on("error", done);
    setTimeout(() => {
      socket.destroy();
      done();
    }, waitMs);
  });
}

describe("whole-number query parameters", () => {
  it.each(["0x10", "1e1", "+5", " 5", "5.0", "-1", "", "0", "101", "99999999999999999999"])("GET /api/search?limit=%j answers 400", async (limit) => {
    const res = await request(app).get("/api/search").query(`q=user&limit=${encodeURIComponent(limit)}`);

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_ERROR");
    expect(res.body.error.details[0].field).toBe("limit");
  });

  it.each(["0x2", "2e0", "2.0"])("GET /api/nodes/:id/neighborhood?depth=%s answers 400", async (depth) => {
    const res = await request(app).get(`/api/nodes/table%3Akentico%2FCMS_User/neighborhood?depth=${depth}`);

    expect(res.status).toBe(400);
  });

  it("takes plain digits", async () => {
    const res = await request(app).get("/api/search?q=user&limit=3");

    expect(res.status).toBe(200);
    expect(res.body.results.length).toBeLessThanOrEqual(3);
  });
});

describe("the Host header", () => {
  it("answers loopback names", async () => {
    for (const host of ["127.0.0.1:3000", "localhost", "[::1]:3000"]) {
      const res = await request(app).get("/api/openapi.json").set("Host", host);
      expect(res.status, host).toBe(200);
    }
  });

  it("answers 421 JSON to another name (DNS rebinding), and to ALLOWED_HOSTS names only when listed", async () => {
    const res = await request(app).get("/api/tables").set("Host", "evil.example:3000");

    expect(res.status).toBe(421);
    expect(res.body.error.code).toBe("MISDIRECTED_REQUEST");
    const proxied = createApp({ graph, allowedHosts: ["lineage.example.org"] });
    expect((await request(proxied).get("/api/openapi.json").set("Host", "lineage.example.org")).status).toBe(200);
  });

  it("answers 400 JSON to a request without Host", async () => {
    const server = createHttpServer(app, { headersTimeoutMs: 5000, requestTimeoutMs: 10_000 }).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    try {
      const answer = await raw((server.address() as AddressInfo).port, "GET /api/tables HTTP/1.0\r\n\r\n");
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
      expect(answer).toContain('"code":"BAD_REQUEST"');
    } finally {
      server.close();
    }
  });

  it("reads the name without the port", () => {
    expect(hostName("Example.org:8080")).toBe("example.org");
    expect(hostName("[::1]:3000")).toBe("[::1]");
  });
});

describe("API_TOKEN", () => {
  const TOKEN = "a-long-enough-test-token-0123456789";
  const locked = createApp({ graph, apiToken: TOKEN, log: () => {} });

  it("refuses /api without the token: 401 JSON with WWW-Authenticate", async () => {
    const res = await request(locked).get("/api/tables");

    expect(res.status).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(res.body.error.code).toBe("UNAUTHORIZED");
  });

  it("refuses a wrong token, also one that shares the right one's start", async () => {
    for (const wrong of ["nope", TOKEN.slice(0, -1), `${TOKEN}x`]) {
      const res = await request(locked).get("/api/tables").set("Authorization", `Bearer ${wrong}`);
      expect(res.status).toBe(401);
    }
  });

  it("answers with the right token", async () => {
    const res = await request(locked).get("/api/tables").set("Authorization", `Bearer ${TOKEN}`);

    expect(res.status).toBe(200);
  });

  it("compares tokens of any length", () => {
    expect(tokenMatches("abc", "abc")).toBe(true);
    expect(tokenMatches("abc", "abcd")).toBe(false);
    expect(tokenMatches("abc", "")).toBe(false);
  });
});

describe("rate limiting on /api", () => {
  it("answers 429 JSON with Retry-After once a client has used its burst", async () => {
    const limited = createApp({ graph, rateLimitPerSecond: 2, log: () => {} });
    const statuses: number[] = [];
    let last: request.Response | undefined;
    for (let i = 0; i < 6; i++) {
      last = await request(limited).get("/api/openapi.json");
      statuses.push(last.status);
    }

    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
    expect(last!.headers["retry-after"]).toMatch(/^\d+$/);
    expect(last!.body.error.code).toBe("RATE_LIMITED");
  });
});

describe("oversized and slow requests", () => {
  let server: ReturnType<typeof createHttpServer>;
  let port: number;
  beforeAll(async () => {
    server = createHttpServer(app, { headersTimeoutMs: 1000, requestTimeoutMs: 2000 }).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("answers 431 JSON to headers over 16 KB", async () => {
    const answer = await raw(port, `GET /api/tables HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);

    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    expect(answer).toContain('"code":"HEADERS_TOO_LARGE"');
  });

  it("answers 414 JSON to a URL over 16 KB, and to one over 4 KB", async () => {
    const huge = await raw(port, `GET /api/search?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    const long = await fetch(`http://127.0.0.1:${port}/api/search?q=${"a".repeat(5000)}`);

    expect(huge).toMatch(/^HTTP\/1\.1 414/);
    expect(huge).toContain('"code":"URI_TOO_LONG"');
    expect(long.status).toBe(414);
    expect((await long.json()).error.code).toBe("URI_TOO_LONG");
  });

  it("does not keep a request whose headers never finish: 408 within the headers timeout", async () => {
    const started = Date.now();
    const answer = await raw(port, "GET /api/tables HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", 8000);

    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(4000);
  });
});

describe("requests another web site makes the browser send (Fetch Metadata)", () => {
  const report = "/api/reports/ropa?format=csv";

  it("refuses a cross-site subresource request to a report with 403 JSON", async () => {
    for (const mode of ["no-cors", "cors", "same-origin", "websocket"]) {
      const res = await request(app).get(report).set("Sec-Fetch-Site", "cross-site").set("Sec-Fetch-Mode", mode).set("Sec-Fetch-Dest", "image");

      expect(res.status, mode).toBe(403);
      expect(res.body.error.code).toBe("CROSS_SITE_REFUSED");
    }
    const trace = await request(app).get("/api/trace?from=system:kentico").set("Sec-Fetch-Site", "cross-site").set("Sec-Fetch-Mode", "no-cors");
    expect(trace.status).toBe(403);
  });

  it("keeps working for a link the user clicks in another document, for the app's own pages, and for clients without the headers", async () => {
    const clicked = await request(app).get(report).set("Sec-Fetch-Site", "cross-site").set("Sec-Fetch-Mode", "navigate").set("Sec-Fetch-Dest", "document");
    const own = await request(app).get(report).set("Sec-Fetch-Site", "same-origin").set("Sec-Fetch-Mode", "cors");
    const curl = await request(app).get(report);

    expect([clicked.status, own.status, curl.status]).toEqual([200, 200, 200]);
    expect(curl.text).toContain("Purpose");
  });
});

describe("the API's read path", () => {
  it("runs in read access mode: Neo4j refuses a write sent through it and nothing is written", async () => {
    await expect(graph.probe("CREATE (n:ReadPathProbe) RETURN n")).rejects.toMatchObject({ code: "Neo.ClientError.Statement.AccessMode" });

    const rows = await graph.probe("MATCH (n:ReadPathProbe) RETURN count(n) AS n");
    expect(rows[0]!.n).toBe(0);
  });
});

describe("error logs", () => {
  it("write one line per expected error, without a stack", async () => {
    const down = Graph.open({ uri: "bolt://127.0.0.1:9", user: "neo4j", password: "x", queryTimeoutMs: 1000 });
    const lines: string[] = [];
    try {
      const res = await request(createApp({ graph: down, log: (l) => lines.push(l) })).get("/api/tables");
      expect(res.status).toBe(503);
    } finally {
      await down.close();
    }

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[api\] 503 DATABASE_UNAVAILABLE GET \/api\/tables/);
    expect(lines[0]).not.toContain("\n");
  });
});
