/**
 * `npm run bench:draw -- --refs f389f3e,main,. [--rounds 9] [--trace-dir <dir>]` — the browser's draw of the built-in
 * data, versions side by side in one run: each ref (checked out in a temporary worktree, `version.ts`; `.` is this
 * checkout, uncommitted changes included) on its own `npm start` with its own throw-away database, all serving at once;
 * then `rounds` rounds in which Chromium opens the overview and the trace of `system:kentico`, and two views without a
 * graph (the vendors list, the where checklist of e-mail addresses in kentico) on every version, each timed as the
 * issue-21 bench times it (`browser.ts` `timeDraw`: navigation start → painted graph or list, in a fresh page, with
 * `view shown`, when the route's view replaced the shell's loading state, and the client's `graph:*` marks). A shared
 * machine slows whichever version runs while it is busy; interleaved rounds spread that over all of them, and the order
 * is shuffled each round (a fixed seed) so that no version always follows the same one. Prints each version's median
 * per view, its ratio to the first version's, the median of its differences from the first within a round (and in how
 * many rounds it was faster), and the median of each phase (with, after the first version's, its median difference
 * within a round and in how many rounds it came earlier). `--trace-dir` also writes one Chromium performance trace per
 * version and view (DevTools' Performance panel opens it).
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { BenchBrowser, type DrawTiming } from "./browser.js";
import { median } from "./stats.js";
import { buildClient, checkoutRef, startServer, thisCheckout, versionEnv, type RunningServer, type Version } from "./version.js";

const { values } = parseArgs({
  options: {
    refs: { type: "string", default: "." },
    rounds: { type: "string", default: "9" },
    "trace-dir": { type: "string" },
  },
});

const KENTICO = encodeURIComponent("system:kentico");
/** Each view with the answer it draws; a view without a graph with what it shows when drawn (`drawn`). */
const VIEWS: readonly { name: string; url: string; api: string; drawn?: string }[] = [
  { name: "overview", url: "/", api: "/api/overview" },
  { name: "trace", url: `/trace?from=${KENTICO}`, api: `/api/trace?from=${KENTICO}` },
  { name: "vendors", url: "/vendors", api: "/api/vendors", drawn: '[data-testid="vendors-list"]' },
  { name: "where", url: "/where?category=category:email-address&system=kentico", api: "/api/where?category=category%3Aemail-address&system=kentico", drawn: '[data-testid="where-view"]' },
];

const log = (msg: string) => console.error(`[draw] ${msg}`);
const signed = (n: number) => `${n > 0 ? "+" : ""}${n}`;

/** The same pseudo-random orders on every run (mulberry32). */
function shuffler(seed: number): <T>(items: T[]) => T[] {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
}

async function warmed(server: RunningServer, ms = 30_000): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < ms && !server.logs.some((line) => line.startsWith("Read queries warmed"))) await new Promise((r) => setTimeout(r, 200));
}

async function main(): Promise<void> {
  const rounds = Number(values.rounds);
  const tmp = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-draw-"));
  const versions: Version[] = [];
  const servers: RunningServer[] = [];
  const browsers: BenchBrowser[] = [];
  const stop = async () => {
    for (const b of browsers.splice(0)) await b.close();
    for (const s of servers.splice(0)) await s.stop();
    for (const v of versions.splice(0)) v.remove();
    rmSync(tmp, { recursive: true, force: true });
  };
  // Interrupted: the servers (and their databases) and the worktrees go too.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop().then(() => process.exit(130)));
  try {
    for (const ref of values.refs.split(",").filter(Boolean)) versions.push(ref === "." ? { ...thisCheckout(), label: "this checkout" } : { ...checkoutRef(ref, log), label: ref });
    for (const v of versions) {
      buildClient(v, log);
      const dataDir = path.join(tmp, String(versions.indexOf(v)), "neo4j");
      mkdirSync(dataDir, { recursive: true });
      log(`${v.label}: npm start…`);
      servers.push(await startServer(v, versionEnv(dataDir, { RATE_LIMIT_PER_SECOND: "0" })));
    }
    await Promise.all(servers.map((s) => warmed(s)));
    for (const s of servers) browsers.push(await BenchBrowser.launch(s.url));
    // Every answer asked once before anything is timed: each server's first answers are not the client's time.
    for (const s of servers) for (const view of VIEWS) await fetch(s.url + view.api);

    const runs = versions.map(() => VIEWS.map(() => [] as DrawTiming[]));
    const shuffle = shuffler(21);
    for (let round = 0; round < rounds; round++) {
      for (const i of shuffle(versions.map((_, i) => i))) {
        for (let j = 0; j < VIEWS.length; j++) runs[i]![j]!.push(await browsers[i]!.timeDraw(VIEWS[j]!.url, 0, 1, undefined, VIEWS[j]!.drawn));
      }
      log(`round ${round + 1}/${rounds}: ${versions.map((v, i) => `${v.label} ${VIEWS.map((_, j) => runs[i]![j]!.at(-1)!.ms).join("/")} ms`).join(", ")}`);
    }

    if (values["trace-dir"]) {
      mkdirSync(values["trace-dir"], { recursive: true });
      for (let i = 0; i < versions.length; i++) {
        for (const view of VIEWS) {
          const file = path.join(values["trace-dir"], `${versions[i]!.label.replace(/\W+/g, "-")}-${view.name}.json`);
          await browsers[i]!.traceDraw(view.url, file, undefined, view.drawn);
          log(`wrote ${file}`);
        }
      }
    }

    const lines = [`${rounds} rounds, ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" / ")} at the end`, ""];
    for (let j = 0; j < VIEWS.length; j++) {
      const first = median(runs[0]![j]!.map((r) => r.ms!));
      lines.push(`${VIEWS[j]!.name} (${VIEWS[j]!.url}): median ms navigation → painted ${VIEWS[j]!.drawn ? "list" : "graph"}, ratio to ${versions[0]!.label}; phases (median ms since navigation)`);
      for (let i = 0; i < versions.length; i++) {
        const rs = runs[i]![j]!;
        const ms = median(rs.map((r) => r.ms!));
        // A phase's paired difference from the first version too, where both versions mark it.
        const phases = Object.keys(rs[0]?.phases ?? {}).map((p) => {
          const at = `${p} ${median(rs.map((r) => r.phases?.[p] ?? Number.NaN))}`;
          const d = rs.map((r, k) => (r.phases?.[p] ?? Number.NaN) - (runs[0]![j]![k]!.phases?.[p] ?? Number.NaN)).filter(Number.isFinite);
          return i === 0 || d.length === 0 ? at : `${at} (${signed(median(d))}, earlier in ${d.filter((x) => x < 0).length})`;
        });
        const diffs = rs.map((r, k) => r.ms! - runs[0]![j]![k]!.ms!);
        const paired = i === 0 ? "" : `; within a round ${signed(median(diffs))} ms (median), faster in ${diffs.filter((d) => d < 0).length} of ${rounds}`;
        lines.push(`  ${versions[i]!.label} (${versions[i]!.commit.slice(0, 7)}): ${ms} ms (${(ms / first).toFixed(2)}×)${paired}; runs ${rs.map((r) => r.ms).join(", ")}`);
        lines.push(`    ${phases.join(", ")}`);
      }
    }
    console.log(lines.join("\n"));
  } finally {
    await stop();
  }
}

await main();
