/**
 * Issue 21's target table, before and after in one run (`npm run bench -- --scale builtin|S|M|L [--before <git ref>]
 * [--quick] [--seed N] [--no-browser] [--no-load]`).
 *
 * The estate is generated once (this checkout's generator; none for `builtin`). Each version, the "before" ref in a
 * temporary git worktree and this checkout as "after", then runs on its own throw-away database: its own
 * `npm run import` of the files (timed, wall clock with the database's start, then again as a re-import), its own
 * `npm start` (which loads the built-in data into an empty database), and the same probe over HTTP: each answer's
 * first request after the load, then p95 of sequential requests after a warm-up (`probe.urls.ts` names the URLs).
 * Then Chromium draws the overview and a trace of about 1,000 elements (`browser.ts`); the server stops, and
 * `ratio.ts` runs that version in-process on the same database for the API-over-bare-driver ratio and the Cypher
 * each answer runs cold and warm (a cache shows as fewer). With the built-in data, `npm run bench:load` too. The
 * main JS chunk of each version's client build is gzipped. Writes bench/results/<date>-issue21-<scale>[-quick].json and .md.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { BenchBrowser, type DrawTiming } from "./browser.js";
import { timedGet } from "./driver.js";
import { SCALES } from "./estate.js";
import { writeEstate } from "./generate.js";
import { browserTraceCandidates, pickSubjects, probeRows, type ProbeRow } from "./probe.urls.js";
import { percentiles } from "./stats.js";
import { parseLoad, targetsMarkdown, type ProbeResult, type TargetScale, type TargetsResult, type VersionResult } from "./targets.report.js";
import { buildClient, checkoutRef, mainChunk, runScript, startServer, thisCheckout, versionEnv, type RunningServer, type Version } from "./version.js";
import { builtInInventoryFiles, REPO_ROOT } from "../server/src/inventory/paths.js";

export interface TargetsOptions {
  scale: string;
  quick: boolean;
  seed: number;
  before?: string;
  browser: boolean;
  load: boolean;
  argv: string[];
}

const log = (msg: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const enc = encodeURIComponent;
/** The files `ratio.ts` needs beside it in a version's checkout (an older one may lack or have older copies). */
const RATIO_FILES = ["ratio.ts", "driver.ts", "stats.ts"];

type Elements = { elements?: { nodes: unknown[]; edges: unknown[] } };
const size = (a: Elements) => (a.elements ? a.elements.nodes.length + a.elements.edges.length : 0);

async function getJson<T>(base: string, url: string): Promise<T> {
  const res = await fetch(base + url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** The issue's probe: each answer's first request after the load, then `warmup` rounds over every answer, then `requests` sequential ones of each. */
/**
 * Waits (up to `maxMs`) until the 1-minute load average is below half the cores: an import or the previous version's
 * run raises it for minutes after it ends, and measured tails then say more about that than about the answer.
 * Resolves with what it waited and the load average it measured under.
 */
export async function quietMachine(maxMs = 180_000): Promise<{ waitedMs: number; load: number }> {
  const started = performance.now();
  const limit = os.cpus().length / 2;
  while (os.loadavg()[0]! >= limit && performance.now() - started < maxMs) await new Promise((r) => setTimeout(r, 2_000));
  return { waitedMs: Math.round(performance.now() - started), load: Math.round(os.loadavg()[0]! * 100) / 100 };
}

async function probe(base: string, rows: readonly ProbeRow[], requests: number, warmup: number, settled: () => Promise<void>, quiet: () => Promise<void>): Promise<Record<string, ProbeResult | { error: string }>> {
  const out: Record<string, ProbeResult | { error: string }> = {};
  // Every answer's first request before any warm-up: none has been asked since the load.
  const first = new Map<string, { ms: number; status: number; bytes: number }>();
  for (const row of rows) {
    try {
      const r = await timedGet(base, row.urls[0]!);
      first.set(row.key, { ms: Math.round(r.ms * 10) / 10, status: r.status, bytes: r.bytes });
    } catch (err) {
      out[row.key] = { error: (err as Error).message.split("\n")[0]! };
    }
  }
  // The server's own warm-up (it plans every read query in the background after it starts serving) ends before the
  // warm requests are measured: they say what a warm server answers, not what it answers while it still plans.
  await settled();
  // The server's warm-up: `warmup` rounds over every answer's URLs before any is measured, so the answers measured
  // first (search, table) do not pay for the code paths the server has not run yet (its JIT) more than the last ones.
  for (let round = 0; round < warmup; round++) {
    for (const row of rows) {
      if (out[row.key]) continue;
      for (const url of row.urls) await timedGet(base, url).catch(() => undefined);
    }
  }
  await quiet();
  for (const row of rows) {
    if (out[row.key]) continue;
    try {
      const times: number[] = [];
      let maxBytes = 0;
      let failed = 0;
      let firstFailure: string | undefined;
      const statuses: Record<string, number> = {};
      for (let i = 0; i < requests; i++) {
        const url = row.urls[i % row.urls.length]!;
        const r = await timedGet(base, url);
        times.push(r.ms);
        maxBytes = Math.max(maxBytes, r.bytes);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        if (r.status !== 200) {
          failed++;
          firstFailure ??= `${r.status} ${url}: ${new TextDecoder().decode(r.body).slice(0, 200)}`;
        }
      }
      const warm = percentiles(times);
      out[row.key] = { first: first.get(row.key)!, warm, maxBytes, failed, statuses, ...(firstFailure ? { firstFailure } : {}) };
      log(`  ${row.label}: first ${first.get(row.key)!.ms} ms, p95 ${warm.p95} ms${failed ? ` (${failed} not 200)` : ""}, ${Math.round(maxBytes / 1024)} KB`);
    } catch (err) {
      out[row.key] = { error: (err as Error).message.split("\n")[0]! };
    }
  }
  return out;
}

/** Waits until the server says its background warm-up of the read queries has ended, or `ms` for a version that does not say. */
async function serverWarmed(server: RunningServer, ms = 30_000): Promise<string> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (server.logs.some((line) => line.startsWith("Read queries warmed"))) return `the server's warm-up of its queries had ended ${Math.round((performance.now() - started) / 100) / 10} s after the first requests`;
    await new Promise((r) => setTimeout(r, 200));
  }
  return `the server did not say its warm-up ended; measured ${ms / 1000} s after the first requests`;
}

/** The newest M result's "after" p95 per answer and import time, for L's "< 2× M" targets. */
function mReference(): TargetsResult["mReference"] {
  const dir = path.join(REPO_ROOT, "bench", "results");
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir)
    .filter((f) => /^\d{4}-\d\d-\d\d-issue21-M\.json$/.test(f))
    .sort()
    .pop();
  if (!file) return null;
  const r = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as TargetsResult;
  const after = r.versions.find((v) => v.label === "after");
  if (!after) return null;
  const p95: Record<string, number> = {};
  for (const [key, p] of Object.entries(after.probes)) if ("warm" in p) p95[key] = p.warm.p95;
  return { file: `bench/results/${file}`, p95, importMs: after.import && !after.import.error ? after.import.ms : null };
}

async function runVersion(
  v: Version,
  ctx: { tmp: string; files: string[] | null; rows: ProbeRow[]; requests: number; warmup: number; quick: boolean; browser: boolean; load: boolean; traceFrom: { id: string | null; systems: string[] } ; subjects: TargetsResult["subjects"] },
): Promise<VersionResult> {
  const result: VersionResult = { label: v.label, ref: v.ref, commit: v.commit, modules: v.modules, probes: {}, ratio: null, browser: null, load: null, chunk: null };
  const dataDir = path.join(ctx.tmp, v.label, "neo4j");
  mkdirSync(dataDir, { recursive: true });
  const env = versionEnv(dataDir, { RATE_LIMIT_PER_SECOND: "0" });

  try {
    result.chunk = mainChunk(buildClient(v, log));
  } catch (err) {
    result.chunk = { error: (err as Error).message.split("\n")[0]! };
  }

  if (ctx.files) {
    const tail = (out: string, lines: number) => out.trim().split("\n").slice(-lines).join(" ").slice(-400); // the end: a failed import names its files first and its reason last
    log(`${v.label}: npm run import of ${ctx.files.length} files (with the database's start)…`);
    const first = runScript(v, "import", ctx.files, env);
    if (first.status !== 0) {
      // A failed import is the row's result (a miss); the files are imported once more so the answers can still be measured.
      const error = tail(first.output, 2);
      log(`${v.label}: the import failed after ${(first.ms / 1000).toFixed(1)} s (${error}); importing again to measure the answers…`);
      const retry = runScript(v, "import", ctx.files, env);
      result.import = { ms: first.ms, reimportMs: retry.ms, error, ...(retry.status !== 0 ? { reimportError: tail(retry.output, 2) } : {}) };
      if (retry.status !== 0) {
        result.error = "the import failed twice";
        return result;
      }
    } else {
      log(`${v.label}: import ${(first.ms / 1000).toFixed(1)} s; re-import…`);
      const again = runScript(v, "import", ctx.files, env);
      result.import = { ms: first.ms, reimportMs: again.ms, ...(again.status !== 0 ? { reimportError: tail(again.output, 2) } : {}) };
      log(`${v.label}: re-import ${(again.ms / 1000).toFixed(1)} s${again.status !== 0 ? ` (failed: ${result.import.reimportError})` : ""}`);
    }
  }

  log(`${v.label}: npm start…`);
  const started = performance.now();
  const server = await startServer(v, env);
  result.serverStartMs = Math.round(performance.now() - started);
  try {
    log(`${v.label}: serving at ${server.url} after ${(result.serverStartMs / 1000).toFixed(1)} s; probing…`);
    result.probes = await probe(server.url, ctx.rows, ctx.requests, ctx.warmup, async () => log(`${v.label}: ${await serverWarmed(server)}`), async () => {
      result.quiet = await quietMachine();
      log(`${v.label}: measuring at load average ${result.quiet.load} (waited ${(result.quiet.waitedMs / 1000).toFixed(0)} s for it to fall below half the cores)`);
    });
    if (Object.values(result.probes).some((p) => "error" in p || p.failed > 0 || p.first.status !== 200)) result.serverLog = server.logs.slice(-20);

    if (ctx.browser && BenchBrowser.available()) {
      try {
        if (ctx.traceFrom.id === null) {
          // The start whose trace is nearest 1,000 elements, picked once (by the first version run) for both.
          const sized: { id: string; elements: number }[] = [];
          for (const id of browserTraceCandidates(ctx.subjects, ctx.traceFrom.systems)) {
            const a = await getJson<Elements>(server.url, `/api/trace?from=${enc(id)}`).catch(() => null);
            if (a && size(a) > 0) sized.push({ id, elements: size(a) });
          }
          ctx.traceFrom.id = [...sized].sort((a, b) => Math.abs(Math.log(a.elements / 1000)) - Math.abs(Math.log(b.elements / 1000)))[0]?.id ?? "";
        }
        const b = await BenchBrowser.launch(server.url);
        try {
          const runs = ctx.quick ? 1 : 3;
          log(`${v.label}: browser: overview`);
          const overview = await b.timeDraw("/", size(await getJson<Elements>(server.url, "/api/overview")), runs, 150_000);
          let trace: (DrawTiming & { from: string }) | null = null;
          if (ctx.traceFrom.id) {
            const id = ctx.traceFrom.id;
            log(`${v.label}: browser: trace from ${id}`);
            const elements = size(await getJson<Elements>(server.url, `/api/trace?from=${enc(id)}`).catch(() => ({})));
            trace = { from: id, ...(await b.timeDraw(`/trace?from=${enc(id)}`, elements, runs, 150_000)) };
          }
          result.browser = { overview, trace, chromium: spawnSync("/usr/bin/chromium", ["--version"], { encoding: "utf8" }).stdout.trim() };
        } finally {
          await b.close();
        }
      } catch (err) {
        result.browser = { error: (err as Error).message.split("\n")[0]! };
      }
    }
  } finally {
    await server.stop();
  }

  log(`${v.label}: API over the bare driver, in-process…`);
  try {
    if (v.dir !== REPO_ROOT) for (const f of RATIO_FILES) copyFileSync(path.join(REPO_ROOT, "bench", f), path.join(v.dir, "bench", f));
    const rowsFile = path.join(ctx.tmp, v.label, "rows.json");
    const outFile = path.join(ctx.tmp, v.label, "ratio.json");
    writeFileSync(rowsFile, JSON.stringify(ctx.rows.map((r) => ({ key: r.key, urls: r.urls }))));
    const r = spawnSync(process.execPath, ["--import", "tsx", "bench/ratio.ts", "--data-dir", dataDir, "--rows", rowsFile, "--out", outFile, "--requests", String(ctx.requests), "--warmup", String(ctx.warmup)], {
      cwd: v.dir,
      env,
      encoding: "utf8",
      maxBuffer: 64 * 2 ** 20,
    });
    if (r.status !== 0) throw new Error(`ratio.ts exited ${r.status}: ${`${r.stdout}\n${r.stderr}`.trim().split("\n").slice(-3).join(" ").slice(0, 400)}`);
    result.ratio = JSON.parse(readFileSync(outFile, "utf8")) as VersionResult["ratio"];
  } catch (err) {
    result.ratio = { error: (err as Error).message };
  }

  if (ctx.load) {
    const seconds = ctx.quick ? 5 : 30;
    log(`${v.label}: npm run bench:load -- --seconds ${seconds} (its own server and database)…`);
    const r = runScript(v, "bench:load", ["--seconds", String(seconds)], versionEnv(path.join(ctx.tmp, v.label, "unused")));
    result.load = { ...parseLoad(r.output), seconds, ...(r.status !== 0 ? { error: `exited ${r.status}${/failed under load/.test(r.output) ? " (some requests failed under load)" : ""}` } : {}) };
  }
  return result;
}

export async function runTargets(opts: TargetsOptions): Promise<void> {
  const startedAt = performance.now();
  const loadBefore = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const scale = (opts.scale.toLowerCase() === "builtin" ? "builtin" : opts.scale.toUpperCase()) as TargetScale;
  if (scale !== "builtin" && !(scale in SCALES)) throw new Error("usage: npm run bench -- --scale builtin|S|M|L [--before <git ref>] [--quick]");
  const requests = opts.quick ? 10 : 40;
  const warmup = opts.quick ? 2 : 5;
  const tmp = mkdtempSync(path.join(os.tmpdir(), `pd-lineage-issue21-${scale}-`));
  const versions: Version[] = [];
  const cleanup = () => {
    for (const v of versions) v.remove();
    rmSync(tmp, { recursive: true, force: true });
  };
  process.once("SIGINT", () => {
    cleanup();
    process.exit(130);
  });
  try {
    let files: string[] | null = null;
    let estate: TargetsResult["estate"] = null;
    if (scale !== "builtin") {
      log(`Generating the ${scale} estate (seed ${opts.seed})…`);
      const e = await writeEstate({ scale: scale, out: path.join(tmp, "estate"), seed: opts.seed, sharedNames: false });
      files = e.files;
      estate = e.counts;
    }
    const inventories = files ?? (await builtInInventoryFiles());
    const subjects = await pickSubjects(inventories);
    const rows = probeRows(subjects);

    // After first (it picks the ~1,000-element trace both draw), then before.
    versions.push(thisCheckout());
    if (opts.before) {
      log(`Checking out ${opts.before} in a temporary worktree…`);
      versions.push(checkoutRef(opts.before, log));
    }
    const ctx = { tmp, files, rows, requests, warmup, quick: opts.quick, browser: opts.browser, load: opts.load && scale === "builtin", traceFrom: { id: null as string | null, systems: subjects.systems.slice(0, 20) }, subjects };
    const results: VersionResult[] = [];
    for (const v of versions) {
      try {
        results.push(await runVersion(v, ctx));
      } catch (err) {
        log(`${v.label} failed: ${(err as Error).message.split("\n")[0]}`);
        results.push({ label: v.label, ref: v.ref, commit: v.commit, modules: v.modules, error: (err as Error).message.split("\n")[0]!.slice(0, 300), probes: {}, ratio: null, browser: null, load: null, chunk: null });
      }
    }
    const cpus = os.cpus();
    const result: TargetsResult = {
      date: new Date().toISOString(),
      scale,
      quick: opts.quick,
      seed: files ? opts.seed : null,
      command: `npm run bench -- ${opts.argv.join(" ")}`,
      requests,
      warmup,
      machine: {
        cores: cpus.length,
        cpu: cpus[0]?.model.trim() ?? "unknown",
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        loadBefore,
        loadAfter: os.loadavg().map((x) => Math.round(x * 100) / 100),
        node: process.version,
        heapMb: process.env.NEO4J_HEAP_MB ? `${process.env.NEO4J_HEAP_MB} MB` : "the app's default",
        pageCacheMb: process.env.NEO4J_PAGECACHE_MB ? `${process.env.NEO4J_PAGECACHE_MB} MB` : "the app's default",
      },
      estate,
      subjects,
      rows,
      mReference: scale === "L" ? mReference() : null,
      durationMs: Math.round(performance.now() - startedAt),
      // Before, then after, as the table reads.
      versions: [...results].reverse(),
    };
    const dir = path.join(REPO_ROOT, "bench", "results");
    mkdirSync(dir, { recursive: true });
    const stem = `${result.date.slice(0, 10)}-issue21-${scale}${opts.quick ? "-quick" : ""}`;
    writeFileSync(path.join(dir, `${stem}.json`), `${JSON.stringify(result, null, 2)}\n`);
    const md = targetsMarkdown(result);
    writeFileSync(path.join(dir, `${stem}.md`), md);
    console.log(`\n${md}`);
    log(`Wrote bench/results/${stem}.json and .md (${(result.durationMs / 60_000).toFixed(1)} min)`);
  } finally {
    cleanup();
  }
}
