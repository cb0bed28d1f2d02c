/**
 * Answers and the built client go compressed to clients across a network that accept it (http/compress.ts): a kept
 * answer is gzipped once and the same bytes are sent to every later request, anything else by the compression
 * middleware as it is sent; a client on loopback gets them as they are. The tests' client is on loopback, so the
 * mechanism is tested on an app that compresses for every client (`compressFor: "every-client"`), and the default app
 * is tested for sending loopback clients every answer as it is. The bytes on the wire are read with node:http, which,
 * unlike fetch and supertest, does not decompress them.
 */
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { onLoopback } from "../../server/src/http/compress.js";
import { CLIENT_DIST, createApp } from "../../server/src/server.js";
import { testGraph } from "../support/graph.js";

const graph = testGraph();
const servers: http.Server[] = [];
/** Where each app listens: `compressing` compresses for every client, `byDefault` is the app as `npm start` makes it. */
const base = { compressing: "", byDefault: "" };

async function listen(app: http.RequestListener): Promise<string> {
  const server = http.createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  base.compressing = await listen(createApp({ graph, compressFor: "every-client" }));
  base.byDefault = await listen(createApp({ graph }));
});

afterAll(() => Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))));

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as sent, not decompressed. */
  body: Buffer;
}

function get(url: string, headers: Record<string, string>, app = base.compressing): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${app}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

/** The body as the client reads it: the middleware picks brotli when the client offers it, kept answers are gzip. */
function decoded(res: Raw): Buffer {
  const encoding = res.headers["content-encoding"];
  return encoding === "br" ? brotliDecompressSync(res.body) : encoding === "gzip" ? gunzipSync(res.body) : res.body;
}

const GZIP = { "Accept-Encoding": "gzip, deflate, br" };
const IDENTITY = { "Accept-Encoding": "identity" };

describe("compressed answers", () => {
  it("sends a kept answer gzipped, the same bytes each time, as the same JSON a client without gzip gets", async () => {
    const url = "/api/overview?group=none";
    const plain = await get(url, IDENTITY);
    const first = await get(url, GZIP);
    const again = await get(url, GZIP);

    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(first.headers["content-encoding"]).toBe("gzip");
    expect(first.headers.vary).toMatch(/Accept-Encoding/i);
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(gunzipSync(first.body).equals(plain.body)).toBe(true);
    expect(JSON.parse(plain.body.toString("utf8"))).toHaveProperty("elements");
    // Gzipped once: the second client gets the very bytes the first got, under the same ETag.
    expect(again.body.equals(first.body)).toBe(true);
    expect(again.headers.etag).toBe(plain.headers.etag);
    expect(first.body.length).toBeLessThan(plain.body.length / 4);
  });

  it("answers 304 with no body to a client that holds the kept answer, gzip or not", async () => {
    const url = "/api/vendors";
    const { headers } = await get(url, GZIP);

    for (const encoding of [GZIP, IDENTITY]) {
      const res = await get(url, { ...encoding, "If-None-Match": headers.etag! });
      expect(res.status).toBe(304);
      expect(res.body.length).toBe(0);
    }
  });

  it("compresses answers that are not kept (the OpenAPI document) and the built client's main chunk", async () => {
    const openApi = await get("/api/openapi.json", GZIP);
    expect(openApi.status).toBe(200);
    expect(openApi.headers["content-encoding"]).toMatch(/^(br|gzip)$/);
    expect(JSON.parse(decoded(openApi).toString("utf8"))).toHaveProperty("openapi");
    expect((await get("/api/openapi.json", { "Accept-Encoding": "gzip" })).headers["content-encoding"]).toBe("gzip");

    const index = readFileSync(path.join(CLIENT_DIST, "index.html"), "utf8");
    const main = /<script[^>]+src="(\/assets\/index-[^"]+\.js)"/.exec(index)?.[1];
    expect(main, "the built client's index.html names its main chunk").toBeDefined();
    const raw = readFileSync(path.join(CLIENT_DIST, main!));
    const chunk = await get(main!, GZIP);
    expect(chunk.status).toBe(200);
    expect(chunk.headers["content-encoding"]).toMatch(/^(br|gzip)$/);
    expect(decoded(chunk).equals(raw)).toBe(true);
    expect(chunk.body.length).toBeLessThan(raw.length / 2);
  });

  it("sends a client on loopback every answer and the main chunk as they are, whatever it accepts", async () => {
    const index = readFileSync(path.join(CLIENT_DIST, "index.html"), "utf8");
    const main = /<script[^>]+src="(\/assets\/index-[^"]+\.js)"/.exec(index)![1]!;
    for (const url of ["/api/overview?group=none", "/api/openapi.json", main]) {
      const res = await get(url, GZIP, base.byDefault);
      expect(res.status, url).toBe(200);
      expect(res.headers["content-encoding"], url).toBeUndefined();
    }
  });

  it("tells a client on this machine from one across a network by its connection's address", () => {
    for (const address of ["127.0.0.1", "127.3.2.1", "::1", "::ffff:127.0.0.1"]) expect(onLoopback(address), address).toBe(true);
    for (const address of ["10.0.0.2", "192.168.1.20", "::ffff:192.168.1.20", "fe80::1", "2001:db8::1", "128.0.0.1", undefined]) expect(onLoopback(address), address).toBe(false);
  });

  it("sends a small answer as it is", async () => {
    const res = await get("/api/health", GZIP);

    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(res.body.toString("utf8"))).toHaveProperty("status", "ok");
  });
});
