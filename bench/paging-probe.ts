/**
 * `node --import tsx bench/paging-probe.ts --scale M [--load] [--n 40] [--only name,name]` — issue 21 point 1 probe:
 * p50/p95 of sequential requests (after warm-up) for the trace, where, vendors, search, table and referenced-by, on a
 * generated estate kept in /tmp/21t-<scale> (loaded once with --load, next to the built-in data, with the app's loader).
 */
import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { parseArgs } from "node:util";

import { waitForDatabase } from "./connect.js";
import type { Scale } from "./estate.js";
import { DEFAULT_SEED, writeEstate } from "./generate.js";
import { percentiles } from "./stats.js";
import { readEnv } from "../server/src/config/env.js";
import { startEmbeddedNeo4j } from "../server/src/db/embedded.js";
import { Graph } from "../server/src/db/graph.js";
import { builtInInventoryFiles } from "../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../server/src/inventory/seed.service.js";
import { createApp } from "../server/src/server.js";

const { values } = parseArgs({ options: { scale: { type: "string", default: "M" }, load: { type: "boolean", default: false }, n: { type: "string", default: "40" }, only: { type: "string" } } });
const SCALE = values.scale.toUpperCase() as Scale;
const N = Number(values.n);
const dir = `/tmp/21t-${SCALE}`;
const enc = encodeURIComponent;

async function main() {
  const env = readEnv();
  mkdirSync(dir, { recursive: true });
  const neo = await startEmbeddedNeo4j({ dataDir: path.join(dir, "neo4j"), heapMb: env.NEO4J_HEAP_MB, pageCacheMb: env.NEO4J_PAGECACHE_MB, log: () => undefined });
  const graph = Graph.open({ uri: neo.uri, user: neo.user, password: neo.password, queryTimeoutMs: 60_000 });
  try {
    await waitForDatabase(graph);
    if (values.load) {
      const builtIn = await builtInInventoryFiles();
      const files = SCALE === ("BUILTIN" as Scale) ? builtIn : [...builtIn, ...(await writeEstate({ scale: SCALE, out: path.join(dir, "estate"), seed: DEFAULT_SEED, sharedNames: false })).files];
      const t = performance.now();
      const r = await loadInventoryFiles(graph, files);
      console.log(`loaded ${r.nodes} nodes, ${r.relationships} rels in ${Math.round(performance.now() - t)} ms`);
      await graph.driver.executeQuery("CALL db.awaitIndexes(300)");
    }
    const server = createApp({ graph }).listen(0, "127.0.0.1");
    await new Promise<void>((r) => server.once("listening", () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = async (url: string) => {
      const t = performance.now();
      const res = await fetch(base + url);
      const body = await res.arrayBuffer();
      return { ms: performance.now() - t, bytes: body.byteLength, status: res.status };
    };
    const builtin = SCALE === ("BUILTIN" as Scale);
    const sys = builtin ? "system:kentico" : "system:sys-001-crm";
    const tables = ((await (await fetch(`${base}/api/tables${builtin ? "" : "?system=sys-001-crm"}`)).json()) as { tables: { name: string; system: string; referencedBy: number; id?: string }[] }).tables;
    const hub = [...tables].sort((a, b) => b.referencedBy - a.referencedBy).slice(0, 3);
    const tid = (t: { name: string; system: string }) => `table:${t.system}/${t.name}`;
    const sources = builtin ? ["source:kentico/registration-form"] : [];
    const probes: { name: string; urls: string[] }[] = [
      { name: "trace-table", urls: hub.map((t) => `/api/trace?from=${enc(tid(t))}`) },
      ...(sources.length ? [{ name: "trace-source", urls: sources.map((s) => `/api/trace?from=${enc(s)}`) }] : []),
      { name: "trace-system", urls: [`/api/trace?from=${enc(sys)}`] },
      { name: "trace-category", urls: [`/api/trace?from=${enc("category:email-address")}`] },
      { name: "where", urls: [`/api/where?category=${enc("category:email-address")}`] },
      { name: "vendors", urls: ["/api/vendors"] },
      { name: "search", urls: ["/api/search?q=email", "/api/search?q=s2_cust", "/api/search?q=blue%20mail", "/api/search?q=zip"] },
      { name: "table", urls: hub.map((t) => `/api/tables/${enc(`${t.system}/${t.name}`)}`) },
      { name: "referenced-by", urls: hub.map((t) => `/api/tables/${enc(`${t.system}/${t.name}`)}/referenced-by`) },
    ];
    const only = values.only ? new Set(values.only.split(",")) : null;
    for (const p of probes) {
      if (only && !only.has(p.name)) continue;
      for (let i = 0; i < 5; i++) await get(p.urls[i % p.urls.length]!);
      const ms: number[] = [];
      let bytes = 0;
      const statuses = new Set<number>();
      for (let i = 0; i < N; i++) {
        const r = await get(p.urls[i % p.urls.length]!);
        ms.push(r.ms);
        bytes = Math.max(bytes, r.bytes);
        statuses.add(r.status);
      }
      const q = percentiles(ms);
      console.log(`${SCALE} ${p.name.padEnd(15)} p50 ${String(q.p50).padStart(7)} p95 ${String(q.p95).padStart(7)} ms  ${Math.round(bytes / 1024)} KB  status ${[...statuses].join(",")}`);
    }
    await new Promise<void>((r) => server.close(() => r()));
  } finally {
    await graph.close();
    await neo.stop();
  }
}
void main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
