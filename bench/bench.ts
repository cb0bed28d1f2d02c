/**
 * `npm run bench -- --scale builtin|S|M|L [--before <git ref>] [--quick] [--seed N] [--no-browser] [--no-load]` — issue
 * 21's target table, before and after in one run (`targets.ts`: each version on its own server and database, the same
 * probe over HTTP; writes bench/results/<date>-issue21-<scale>[-quick].json and .md).
 *
 * `npm run bench -- --endpoints --scale S|M|L [--quick] [--seed N] [--no-browser]` — the full scale benchmark of
 * every endpoint (issue 12's table; a script, not a test).
 * Generates the estate, starts a throw-away embedded Neo4j (temp data folder, the app's default memory), loads the
 * estate next to the built-in data with the app's own loader (one transaction, or groups of whole files past its row budget), loads it again (reload), then runs
 * the app in-process on loopback and measures every endpoint with sequential requests, and the very Cypher each
 * request ran straight through the driver (recorded from the app's Graph, so the two always match: `driver.ts`). With Chromium,
 * it times the overview and traces of about 300, 1,000 and 3,000 elements from navigation to a painted graph, and
 * counts frames while panning the biggest. Writes bench/results/<date>-<scale>[-quick].json and .md.
 * `--only search,overview` measures just those endpoints after the first load (no reload, no browser, no files written);
 * `--no-reload` skips the reload. Reads time out after a minute (not the app's 5 s); answers that fail are counted.
 * `--browser-only` skips the reload and the endpoints (the client's numbers in minutes); `--client <dir>` serves that
 * built client instead of building client/ (e.g. a build of an older commit, for before/after on the same data).
 * `--only`, `--no-reload`, `--browser-only` and `--client` imply `--endpoints`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { BenchBrowser, type DrawTiming } from "./browser.js";
import { waitForDatabase } from "./connect.js";
import { apiOverDriver, recordQueries } from "./driver.js";
import { SCALES, type Scale } from "./estate.js";
import { DEFAULT_SEED, writeEstate } from "./generate.js";
import { markdownReport, type BenchResult, type EndpointResult } from "./report.js";
import { MemorySampler } from "./stats.js";
import { runTargets } from "./targets.js";
import { readEnv } from "../server/src/config/env.js";
import { startEmbeddedNeo4j } from "../server/src/db/embedded.js";
import { Graph } from "../server/src/db/graph.js";
import { builtInInventoryFiles, REPO_ROOT } from "../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../server/src/inventory/seed.service.js";
import { CLIENT_DIST, createApp } from "../server/src/server.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string" },
    quick: { type: "boolean", default: false },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    "no-browser": { type: "boolean", default: false },
    /** Comma-separated endpoint names (e.g. `search`): only those, no reload and no browser; for before/after checks. */
    only: { type: "string" },
    "no-reload": { type: "boolean", default: false },
    "browser-only": { type: "boolean", default: false },
    client: { type: "string" },
    /** Issue 21's table: the git ref measured as "before" beside this checkout. */
    before: { type: "string" },
    "no-load": { type: "boolean", default: false },
    /** The full run of every endpoint (issue 12's table) instead of issue 21's before/after table. */
    endpoints: { type: "boolean", default: false },
  },
});
const ENDPOINTS_RUN = values.endpoints || values.only !== undefined || values["browser-only"] || values.client !== undefined || values["no-reload"];
const QUICK = values.quick;
const BROWSER_ONLY = values["browser-only"];
const CLIENT = values.client ? path.resolve(values.client) : null;
const ONLY = values.only ? new Set(values.only.split(",").map((x) => x.trim())) : null;
const SCALE = (values.scale ?? "S").toUpperCase() as Scale;
if (ENDPOINTS_RUN && !(SCALE in SCALES)) {
  console.error("usage: npm run bench -- --scale S|M|L [--quick] [--seed N] [--no-browser]");
  process.exit(2);
}
const REQUESTS = QUICK ? 20 : 100;
const WARMUP = QUICK ? 3 : 10;
const DRAW_RUNS = QUICK ? 1 : 3;
const PAN_SECONDS = QUICK ? 3 : 6;
const DRAW_TIMEOUT_MS = 150_000;
const READ_TIMEOUT_MS = 60_000;
const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const enc = encodeURIComponent;

/** For picking the requests' subjects: a first, cold answer may time out on a busy machine, so it is asked up to three times. */
async function getJson<T>(base: string, url: string, attempt = 1): Promise<T> {
  const res = await fetch(base + url);
  if (res.status === 503 && attempt < 3) return getJson<T>(base, url, attempt + 1);
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as T;
}

function newestMtime(p: string): number {
  const s = statSync(p);
  return s.isDirectory() ? Math.max(s.mtimeMs, ...readdirSync(p).map((n) => newestMtime(path.join(p, n)))) : s.mtimeMs;
}

function ensureClientBuilt(): void {
  const index = path.join(CLIENT_DIST, "index.html");
  if (existsSync(index) && statSync(index).mtimeMs >= newestMtime(path.join(REPO_ROOT, "client", "src"))) return;
  log("Building the client…");
  const r = spawnSync("npm", ["run", "build", "-w", "client"], { cwd: REPO_ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`client build failed:\n${r.stdout}\n${r.stderr}`);
}

type Elements = { elements: { nodes: unknown[]; edges: unknown[] }; truncated?: boolean };
const size = (a: Elements) => a.elements.nodes.length + a.elements.edges.length;

/** Writes bench/results/<date>-<scale>[-quick].json and .md; returns the file stem. */
function writeResult(result: BenchResult): string {
  const dir = path.join(REPO_ROOT, "bench", "results");
  mkdirSync(dir, { recursive: true });
  // A browser-only run, or one of another client build, never overwrites the full run's files.
  const stem = `${result.date.slice(0, 10)}-${result.scale}${result.quick ? "-quick" : ""}${BROWSER_ONLY ? "-browser" : ""}${CLIENT ? `-${path.basename(CLIENT)}` : ""}`;
  writeFileSync(path.join(dir, `${stem}.json`), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(path.join(dir, `${stem}.md`), markdownReport(result));
  return stem;
}

async function main(): Promise<void> {
  const env = readEnv();
  const tmp = mkdtempSync(path.join(os.tmpdir(), `pd-lineage-bench-${SCALE}-`));
  const cleanups: (() => Promise<void>)[] = [
    () => {
      rmSync(tmp, { recursive: true, force: true });
      return Promise.resolve();
    },
  ];
  const cleanup = async () => {
    for (const c of cleanups.reverse()) await c().catch((e: unknown) => console.error(e));
    cleanups.length = 0;
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));

  try {
    log(`Generating the ${SCALE} estate (seed ${values.seed})…`);
    let t = performance.now();
    const estate = await writeEstate({ scale: SCALE, out: path.join(tmp, "estate"), seed: Number(values.seed), sharedNames: false });
    const generateMs = Math.round(performance.now() - t);
    log(`${estate.counts.systems} systems, ${estate.counts.tables} tables, ${estate.counts.columns} columns, ${estate.counts.vendors} vendors (${generateMs} ms)`);

    log(`Starting a throw-away embedded Neo4j (heap ${env.NEO4J_HEAP_MB} MB, page cache ${env.NEO4J_PAGECACHE_MB} MB)…`);
    const neo = await startEmbeddedNeo4j({ dataDir: path.join(tmp, "neo4j"), heapMb: env.NEO4J_HEAP_MB, pageCacheMb: env.NEO4J_PAGECACHE_MB, log });
    cleanups.push(() => neo.stop());
    const memory = new MemorySampler(neo.pid);
    cleanups.push(() => {
      memory.stop();
      return Promise.resolve();
    });
    // Reads get a minute, not the app's 5 s: on a busy machine a slow answer is to be measured, not cut off.
    const graph = Graph.open({ uri: neo.uri, user: neo.user, password: neo.password, queryTimeoutMs: Math.max(env.QUERY_TIMEOUT_MS, READ_TIMEOUT_MS) });
    cleanups.push(() => graph.close());

    await waitForDatabase(graph);
    const files = [...(await builtInInventoryFiles()), ...estate.files];
    const loads: BenchResult["load"] = [];
    for (const label of ONLY || values["no-reload"] || BROWSER_ONLY ? (["load"] as const) : (["load", "reload"] as const)) {
      memory.enter(label);
      log(`${label === "load" ? "Loading" : "Reloading"} ${files.length} files (the app's loader: one transaction while it fits)…`);
      t = performance.now();
      try {
        const r = await loadInventoryFiles(graph, files);
        const ms = Math.round(performance.now() - t);
        loads.push({ label, ms, nodes: r.nodes, relationships: r.relationships, perSecond: Math.round(((r.nodes + r.relationships) / ms) * 1000) });
        log(`${label}: ${r.nodes} nodes + ${r.relationships} relationships in ${(ms / 1000).toFixed(1)} s`);
      } catch (err) {
        const ms = Math.round(performance.now() - t);
        loads.push({ label, ms, nodes: 0, relationships: 0, perSecond: 0, error: (err as Error).message.split("\n")[0]!.slice(0, 300) });
        log(`${label} failed after ${(ms / 1000).toFixed(1)} s: ${(err as Error).message.split("\n")[0]}`);
        if (label === "load") throw err;
      }
    }
    await graph.driver.executeQuery("CALL db.awaitIndexes(300)");
    const counts = await graph.driver.executeQuery("MATCH (n) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels");
    const dbCounts = { nodes: Number(counts.records[0]!.get("nodes")), relationships: Number(counts.records[0]!.get("rels")) };

    // The app in-process, on loopback.
    memory.enter("api");
    const recorder = recordQueries(graph);
    const server = createApp({ graph, ...(CLIENT ? { clientDir: CLIENT } : {}) }).listen(0, "127.0.0.1");
    cleanups.push(() => new Promise<void>((r) => server.close(() => r())));
    await new Promise<void>((r) => (server.listening ? r() : server.once("listening", () => r())));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const serverInfo = await graph.serverInfo();

    // Subjects of the requests, picked from the data the way a user would find them.
    const tables = (await getJson<{ tables: { name: string; id?: string; system: string; referencedBy: number }[] }>(base, "/api/tables")).tables;
    const estateTables = tables.filter((tb) => tb.system.startsWith("sys-"));
    const hub = [...estateTables].sort((a, b) => b.referencedBy - a.referencedBy).slice(0, 3);
    const vendorsAnswer = (await getJson<{ vendors: { id: string; systems: string[]; fieldCount: number }[] }>(base, "/api/vendors")).vendors;
    const popular = [...vendorsAnswer].sort((a, b) => b.systems.length - a.systems.length || b.fieldCount - a.fieldCount).slice(0, 3);
    const tableId = (tb: { name: string; id?: string }) => tb.id ?? `table:${tb.name}`;
    // Answers carry node ids (`vendor:x`); the vendor route takes the bare vendor key.
    const vendorKey = (id: string) => id.replace(/^vendor:/, "");
    const firstSystem = "sys-001-crm";
    // Issue 18: tables whose data a flow between own systems copies into another system, traced beside those inside one.
    const crossTables = (
      await graph.driver.executeQuery("MATCH (a:Table)-[r:COPIED_TO]->(:Table) WHERE r.crossSystem = true RETURN DISTINCT a.id AS id ORDER BY id LIMIT 3")
    ).records.map((r) => r.get("id") as string);

    const ENDPOINTS: { name: string; urls: string[] }[] = [
      { name: "search", urls: ["/api/search?q=email", "/api/search?q=s2_cust", "/api/search?q=blue%20mail", "/api/search?q=zip"] },
      { name: "tables", urls: ["/api/tables", `/api/tables?system=${firstSystem}`] },
      { name: "table", urls: hub.map((tb) => `/api/tables/${enc(`${tb.system}/${tb.name}`)}`) },
      { name: "referenced-by", urls: hub.map((tb) => `/api/tables/${enc(`${tb.system}/${tb.name}`)}/referenced-by`) },
      { name: "trace from a system", urls: [`/api/trace?from=${enc(`system:${firstSystem}`)}`] },
      { name: "trace from a category", urls: [`/api/trace?from=${enc("category:email-address")}`] },
      { name: "trace from a table", urls: hub.map((tb) => `/api/trace?from=${enc(tableId(tb))}`) },
      ...(crossTables.length > 0 ? [{ name: "trace from a table copied into another system", urls: crossTables.map((id) => `/api/trace?from=${enc(id)}`) }] : []),
      { name: "vendors", urls: ["/api/vendors"] },
      { name: "vendor", urls: popular.map((v) => `/api/vendors/${enc(vendorKey(v.id))}`) },
      { name: "overview", urls: ["/api/overview"] },
      ...([1, 2, 3] as const).map((depth) => ({
        name: `neighbourhood depth ${depth}`,
        urls: [tableId(hub[0]!), popular[0]!.id].map((id) => `/api/nodes/${enc(id)}/neighborhood?depth=${depth}`),
      })),
      { name: "paths", urls: [`/api/paths?from=${enc(tableId(hub[0]!))}&to=${enc(popular[0]!.id)}`, `/api/paths?from=${enc(`system:${firstSystem}`)}&to=${enc(popular[1]!.id)}`] },
    ];

    if (ONLY) ENDPOINTS.splice(0, ENDPOINTS.length, ...ENDPOINTS.filter((e) => ONLY.has(e.name)));
    if (BROWSER_ONLY) ENDPOINTS.splice(0, ENDPOINTS.length);
    const endpoints: EndpointResult[] = [];
    for (const e of ENDPOINTS) {
      log(`API ${e.name}: ${REQUESTS} requests`);
      const m = await apiOverDriver({ base, graph, recorder, urls: e.urls, requests: REQUESTS, warmup: WARMUP, readTimeoutMs: READ_TIMEOUT_MS });
      log(`  API p50 ${m.api.p50} / p95 ${m.api.p95} ms${m.failed ? ` (${m.failed} not 200)` : ""}; driver p50 ${m.driver.p50} / p95 ${m.driver.p95} ms; ${Math.round(m.maxBytes / 1024)} KB`);
      endpoints.push({ failed: m.failed, name: e.name, urls: e.urls, queries: m.queries, api: m.api, driver: m.driver, ratioP50: m.ratioP50 ?? 0, maxBytes: m.maxBytes });
    }

    const snapshot = (browser: BenchResult["browser"]): BenchResult => {
      const cpus = os.cpus();
      return {
        date: new Date().toISOString(),
        scale: SCALE,
        quick: QUICK,
        seed: Number(values.seed),
        machine: {
          cores: cpus.length,
          cpu: cpus[0]?.model.trim() ?? "unknown",
          memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
          loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
          node: process.version,
          neo4j: `${serverInfo.version} ${serverInfo.edition}`,
          neo4jHeapMb: env.NEO4J_HEAP_MB,
          neo4jPageCacheMb: env.NEO4J_PAGECACHE_MB,
          note:
            os.loadavg()[0]! > cpus.length
              ? `The load average (${os.loadavg()[0]!.toFixed(1)}) was above the core count while this ran: other work shared the cores, so the numbers are noisy; compare ratios within one run.`
              : "The machine was otherwise quiet while this ran (load average below the core count).",
        },
        estate: { ...estate.counts, generateMs },
        db: dbCounts,
        load: loads,
        memory: structuredClone(memory.peaks),
        requestsPerEndpoint: REQUESTS,
        warmup: WARMUP,
        endpoints,
        browser,
      };
    };
    // Written after the API part too, so a browser part that breaks still leaves the rest on disk.
    if (!ONLY) writeResult(snapshot(null));

    // The browser: overview, traces of about 300 / 1,000 / 3,000 elements, and panning the biggest.
    let browser: BenchResult["browser"] = null;
    if (values["no-browser"] || ONLY) log("Browser part skipped.");
    else if (!BenchBrowser.available()) log("Browser part skipped: /usr/bin/chromium is missing (apt-get install chromium).");
    else {
      memory.enter("browser");
      if (!CLIENT) ensureClientBuilt();
      const candidates = [
        ...(await getJson<{ systems: { id: string }[] }>(base, "/api/overview")).systems.map((s) => s.id),
        ...["email-address", "name", "phone-number", "postal-address", "ip-address", "password", "photo", "gender"].map((c) => `category:${c}`),
        ...estateTables.slice(0, 40).map(tableId),
      ];
      const sized: { id: string; elements: number; truncated: boolean }[] = [];
      for (const id of candidates) {
        const a = await getJson<Elements>(base, `/api/trace?from=${enc(id)}`).catch(() => null);
        if (a) sized.push({ id, elements: size(a), truncated: a.truncated ?? false });
      }
      const nearest = (target: number) => [...sized].sort((a, b) => Math.abs(Math.log(a.elements / target)) - Math.abs(Math.log(b.elements / target)))[0]!;
      const b = await BenchBrowser.launch(base);
      cleanups.push(() => b.close());
      log("Browser: overview");
      const overview = await b.timeDraw("/", size(await getJson<Elements>(base, "/api/overview")), DRAW_RUNS, DRAW_TIMEOUT_MS);
      log(`  ${overview.ms ?? "no draw"} ms ${overview.error ?? ""}`);
      const traces: (DrawTiming & { target: number; from: string; truncated: boolean })[] = [];
      for (const target of [300, 1000, 3000]) {
        const c = nearest(target);
        // A small estate has no trace near the bigger targets: measure each starting point once.
        if (traces.some((x) => x.from === c.id)) {
          log(`Browser: no trace near ~${target} elements at ${SCALE} (nearest: ${c.id}, ${c.elements}, already measured)`);
          continue;
        }
        log(`Browser: trace of ~${target} elements (from ${c.id}: ${c.elements})`);
        traces.push({ target, from: c.id, truncated: c.truncated, ...(await b.timeDraw(`/trace?from=${enc(c.id)}`, c.elements, DRAW_RUNS, DRAW_TIMEOUT_MS)) });
        log(`  ${traces[traces.length - 1]!.ms ?? "no draw"} ms ${traces[traces.length - 1]!.error ?? ""}`);
      }
      const biggest = traces[traces.length - 1]!;
      log(`Browser: panning ${biggest.from} for ${PAN_SECONDS} s`);
      const pan = await b.panFps(biggest.url, PAN_SECONDS).catch((err: unknown) => {
        log(`Browser: panning failed: ${(err as Error).message.split("\n")[0]}`);
        return { fps: 0, frames: 0, ms: 0, renderer: "canvas" as const, drawnElements: 0, error: (err as Error).message.split("\n")[0]! };
      });
      // No answer at M has 3,000 elements (the API caps a graph at 500 nodes): the overview with every vendor drawn,
      // grown to 3,000 with copies of its own elements, in the renderer the app picked for it.
      log("Browser: panning the overview grown to 3,000 elements");
      const overviewAll = "/?group=none";
      const pan3000 = await b.panFps(overviewAll, PAN_SECONDS, 3000).catch((err: unknown) => {
        log(`Browser: panning at 3,000 failed: ${(err as Error).message.split("\n")[0]}`);
        return { fps: 0, frames: 0, ms: 0, renderer: "canvas" as const, drawnElements: 0, error: (err as Error).message.split("\n")[0]! };
      });
      log(`  ${pan3000.fps} FPS at ${pan3000.drawnElements} elements (${pan3000.renderer})`);
      browser = { overview, traces, pan: { ...pan, from: biggest.from, apiElements: biggest.apiElements }, pan3000: { ...pan3000, from: overviewAll, apiElements: overview.apiElements }, chromium: spawnSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).stdout.trim() };
    }
    memory.stop();

    const result = snapshot(browser);
    if (ONLY) {
      console.log(`\n${markdownReport(result)}`);
      return;
    }
    const stem = writeResult(result);
    console.log(`\n${markdownReport(result)}`);
    log(`Wrote bench/results/${stem}.json and .md`);
  } finally {
    await cleanup();
  }
}

(ENDPOINTS_RUN
  ? main()
  : runTargets({ scale: values.scale ?? "builtin", quick: QUICK, seed: Number(values.seed), ...(values.before ? { before: values.before } : {}), browser: !values["no-browser"], load: !values["no-load"], argv: process.argv.slice(2) })
).then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
