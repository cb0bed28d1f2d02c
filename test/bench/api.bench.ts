/**
 * `npm run bench:api` — latency of every API endpoint on the built-in data (a script, not a test).
 * Starts its own app against NEO4J_URI, or an embedded Neo4j in .data/bench-neo4j (NEO4J_DATA_DIR overrides),
 * seeds it when empty, warms up, then sends BENCH_N sequential requests per endpoint over keep-alive HTTP
 * and prints p50 / p95 per endpoint. `-- --write` also writes test/bench/RESULTS.md.
 */
import { writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";

import { readEnv } from "../../server/src/config/env.js";
import { connectDatabase } from "../../server/src/db/connect.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { isEmpty, seedBuiltIn } from "../../server/src/inventory/seed.service.js";
import { createApp } from "../../server/src/server.js";

interface Endpoint {
  name: string;
  /** p95 target in ms, from the issue, where it sets one. */
  target?: number;
  urls: string[];
}

const enc = encodeURIComponent;
const ENDPOINTS: Endpoint[] = [
  { name: "GET /api/search", target: 25, urls: ["/api/search?q=cms_us", "/api/search?q=email&kind=column", "/api/search?q=paypal", "/api/search?q=customer%20addr"] },
  { name: "GET /api/tables/:name", target: 25, urls: ["/api/tables/CMS_User", "/api/tables/COM_Customer", "/api/tables/KontentAi_User"] },
  { name: "GET /api/tables/:name/referenced-by", target: 25, urls: ["/api/tables/CMS_User/referenced-by", "/api/tables/COM_Order/referenced-by", "/api/tables/OM_Contact/referenced-by"] },
  {
    name: "GET /api/trace",
    target: 60,
    urls: ["/api/trace?from=table:kentico/COM_Customer", "/api/trace?from=category:postal-address", `/api/trace?from=${enc("subject:kentico/customer")}`, "/api/trace?from=system:kentico", "/api/trace?from=table:kontent-ai/KontentAi_User"],
  },
  { name: "GET /api/nodes/:id", urls: [`/api/nodes/${enc("table:kentico/CMS_User")}`, `/api/nodes/${enc("vendor:paypal")}`, `/api/nodes/${enc("category:email-address")}`] },
  {
    name: "GET /api/nodes/:id/neighborhood",
    urls: [`/api/nodes/${enc("table:kentico/CMS_User")}/neighborhood`, `/api/nodes/${enc("table:kentico/COM_Customer")}/neighborhood?depth=2`, `/api/nodes/${enc("vendor:paypal")}/neighborhood?depth=3`],
  },
  { name: "GET /api/tables", urls: ["/api/tables", "/api/tables?system=kentico"] },
  { name: "GET /api/vendors", urls: ["/api/vendors"] },
  { name: "GET /api/vendors/:id", urls: ["/api/vendors/paypal", "/api/vendors/intercom", "/api/vendors/microsoft"] },
  { name: "GET /api/paths", urls: ["/api/paths?from=table:kentico/COM_Customer&to=vendor:paypal", "/api/paths?from=category:postal-address&to=vendor:authorize-net", "/api/paths?from=system:ambassify&to=location:DE"] },
  { name: "GET /api/overview", urls: ["/api/overview"] },
];

const N = Number(process.env.BENCH_N ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function timed(base: string, url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(base + url);
  await res.arrayBuffer();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return ms;
}

async function main(): Promise<void> {
  if (!process.env.NEO4J_URI && !process.env.NEO4J_DATA_DIR) process.env.NEO4J_DATA_DIR = path.join(".data", "bench-neo4j");
  const env = readEnv();
  const db = await connectDatabase(env, () => {});
  const server = createApp({ graph: db.graph }).listen(0, "127.0.0.1");
  try {
    if (await isEmpty(db.graph)) {
      const report = await seedBuiltIn(db.graph);
      console.log(`Seeded ${report.systems.join(", ")}: ${report.nodes} nodes, ${report.relationships} relationships.`);
    }
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once("listening", () => resolve())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const neo4j = await db.graph.serverInfo();

    for (const e of ENDPOINTS) for (let i = 0; i < WARMUP; i++) await timed(base, e.urls[i % e.urls.length]!);

    const rows: { name: string; p50: number; p95: number; max: number; target?: number }[] = [];
    for (const e of ENDPOINTS) {
      const times: number[] = [];
      for (let i = 0; i < N; i++) times.push(await timed(base, e.urls[i % e.urls.length]!));
      times.sort((a, b) => a - b);
      rows.push({ name: e.name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]!, ...(e.target ? { target: e.target } : {}) });
    }

    const cores = os.cpus().length;
    const header = `${N} sequential requests per endpoint (cycling over ${ENDPOINTS.reduce((n, e) => n + e.urls.length, 0)} URLs), after ${WARMUP} warm-up requests each; ` +
      `${cores} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), load average ${os.loadavg()[0]!.toFixed(2)} at the end, ` +
      `Node ${process.version}, Neo4j ${neo4j.version} ${neo4j.edition} (${db.mode}).`;
    const fmt = (ms: number) => ms.toFixed(1);
    const table = [
      "| endpoint | p50 ms | p95 ms | max ms | p95 target |",
      "|---|---:|---:|---:|---|",
      ...rows.map((r) => `| ${r.name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.target ? `< ${r.target} ms ${r.p95 < r.target ? "✓" : "✗"}` : ""} |`),
    ];
    console.log(`\n${header}\n\n${table.join("\n")}\n`);

    if (process.argv.includes("--write")) {
      const file = path.join(REPO_ROOT, "test", "bench", "RESULTS.md");
      const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      writeFileSync(file, `# API latency (\`npm run bench:api\`)\n\nMeasured ${date} on ${cores} cores. ${header}\n\n${table.join("\n")}\n`);
      console.log(`Wrote ${path.relative(REPO_ROOT, file)}`);
    }
  } finally {
    server.close();
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
