/**
 * `npm run bench:load` — the API under load: starts the explorer as a real process (`server/src/start.ts`)
 * with its own embedded Neo4j in a throw-away folder (seeded with the built-in data), then runs autocannon
 * twice over loopback with the mixed endpoints of load.ts: cold (right after start) and warm (after each URL was asked
 * once, as the 5-second test does). Prints req/s,
 * p50/p99 latency, failures and the resident memory of the app and the JVM before and after; exits 1 on
 * any failed request. Options: `-- --seconds 5 --connections 50 --write` (write test/bench/LOAD.md).
 * The app's per-address rate limit is off for the run: one machine is one address, and the point is the server.
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { runLoad, warmUp, MIXED_PATHS, type LoadResult } from "./load.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { eventually, startServerProcess } from "../support/server-process.js";

const { values } = parseArgs({
  options: { seconds: { type: "string", default: "30" }, connections: { type: "string", default: "50" }, write: { type: "boolean", default: false } },
});
const seconds = Math.min(120, Number(values.seconds));
const connections = Math.min(200, Number(values.connections));

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const loadBefore = os.loadavg()[0]!;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-load-"));
console.log(`Starting the explorer with an embedded Neo4j in ${dataDir}…`);
const server = await startServerProcess({ NEO4J_DATA_DIR: dataDir, RATE_LIMIT_PER_SECOND: "0", NEO4J_HEAP_MB: "1024", NEO4J_PAGECACHE_MB: "256" });
let failed = false;
try {
  await eventually(async () => {
    const res = await fetch(`${server.url}/api/health`);
    return res.status === 200 && ((await res.json()) as { counts: { nodes: number } }).counts.nodes > 0;
  }, 240_000);
  const rows: { phase: string; result: LoadResult; rss: { appBefore: number; appAfter: number; jvmBefore: number; jvmAfter: number } }[] = [];
  for (const phase of ["cold", "warm"]) {
    // Warm as the 5-second test is (load.test.ts): every URL answered once, so plans are compiled and answers kept.
    if (phase === "warm") await warmUp(server.url);
    const appBefore = rssMb(server.child.pid!);
    const jvmBefore = rssMb(server.bolt.pid);
    console.log(`${phase}: ${connections} connections for ${seconds} s…`);
    const result = await runLoad(server.url, { connections, seconds });
    rows.push({ phase, result, rss: { appBefore, appAfter: rssMb(server.child.pid!), jvmBefore, jvmAfter: rssMb(server.bolt.pid) } });
  }
  const table = [
    "| run | req/s | p50 ms | p99 ms | max ms | requests | failed (non-2xx / errors / timeouts) | statuses | app RSS MB before → after | JVM RSS MB before → after |",
    "|---|---:|---:|---:|---:|---:|---|---|---|---|",
    ...rows.map(
      ({ phase, result: r, rss }) =>
        `| ${phase} | ${r.reqPerSec} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.requests} | ${r.failures} (${r.non2xx} / ${r.errors} / ${r.timeouts}) | ${Object.entries(r.statuses).map(([c, n]) => `${c}: ${n}`).join(", ")} | ${rss.appBefore} → ${rss.appAfter} | ${rss.jvmBefore} → ${rss.jvmAfter} |`,
    ),
  ].join("\n");
  console.log(`\n${table}\n`);
  failed = rows.some((r) => r.result.failures > 0);
  if (values.write) {
    const doc = [
      "# API under load (`npm run bench:load`)",
      "",
      `Measured ${new Date().toISOString().replace(/\.\d+Z$/, "Z")} on ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, load average ${loadBefore.toFixed(2)} before and ${os.loadavg()[0]!.toFixed(2)} after.`,
      `autocannon over loopback, ${connections} connections for ${seconds} s per run, cycling over ${MIXED_PATHS.length} URLs (one heavy traversal in five);`,
      "the app as `npm start` runs it (its own embedded Neo4j, heap 1 GB), rate limit off. Cold: right after start; warm: the run after, once each URL was asked once (warmUp).",
      "",
      table,
      "",
      "A 503 is the bounded queue's answer (with `Retry-After`) to a read that would have waited longer than DB_QUEUE_WAIT_MS.",
      "A load average well above the core count means other jobs shared the machine: the figures then say more about it than about the explorer.",
      "",
    ].join("\n");
    writeFileSync(path.join(REPO_ROOT, "test", "bench", "LOAD.md"), doc);
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
if (failed) {
  console.error("Some requests failed under load.");
  process.exit(1);
}
