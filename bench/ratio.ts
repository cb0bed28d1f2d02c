/**
 * The issue-21 row "API over the bare driver for the same Cypher", for one version of the app: run by
 * `targets.ts` inside that version's checkout (copied there with `driver.ts` and `stats.ts`), on the database the
 * version's own `npm run import` filled, after its server stopped. The app runs in-process on loopback; each
 * answer's Cypher is recorded from the app's Graph and replayed through the driver (`driver.ts`).
 * `node --import tsx bench/ratio.ts --data-dir <dir> --rows <rows.json> --out <out.json> [--requests 40] [--warmup 5]`
 */
import { readFileSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";

import { apiOverDriver, recordQueries, type ApiOverDriver } from "./driver.js";
import { readEnv } from "../server/src/config/env.js";
import { startEmbeddedNeo4j } from "../server/src/db/embedded.js";
import { Graph } from "../server/src/db/graph.js";
import { createApp } from "../server/src/server.js";

const { values } = parseArgs({
  options: {
    "data-dir": { type: "string" },
    rows: { type: "string" },
    out: { type: "string" },
    requests: { type: "string", default: "40" },
    warmup: { type: "string", default: "5" },
  },
});
if (!values["data-dir"] || !values.rows || !values.out) {
  console.error("usage: node --import tsx bench/ratio.ts --data-dir <dir> --rows <rows.json> --out <out.json> [--requests 40] [--warmup 5]");
  process.exit(2);
}
const READ_TIMEOUT_MS = 60_000;
const log = (msg: string) => console.log(`[ratio ${new Date().toISOString().slice(11, 19)}] ${msg}`);

const rows = JSON.parse(readFileSync(values.rows, "utf8")) as { key: string; urls: string[] }[];
const env = readEnv();
// The server that used this folder has just stopped: its JVM may take a moment to let go of the store.
let neo: Awaited<ReturnType<typeof startEmbeddedNeo4j>> | undefined;
for (let attempt = 1; !neo; attempt++) {
  try {
    neo = await startEmbeddedNeo4j({ dataDir: values["data-dir"], heapMb: env.NEO4J_HEAP_MB, pageCacheMb: env.NEO4J_PAGECACHE_MB, log });
  } catch (err) {
    if (attempt >= 5) throw err;
    log(`Neo4j did not start (${(err as Error).message.split("\n")[0]}); again in 5 s`);
    await new Promise((r) => setTimeout(r, 5000));
  }
}
const graph = Graph.open({ uri: neo.uri, user: neo.user, password: neo.password, queryTimeoutMs: READ_TIMEOUT_MS });
const out: Record<string, ApiOverDriver | { error: string }> = {};
try {
  for (let attempt = 1; ; attempt++) {
    try {
      await graph.driver.verifyConnectivity();
      break;
    } catch (err) {
      if (attempt >= 30) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  // A version that keys caches by a load sequence (issue 21) is asked each measured answer under a new one, so the
  // ratio compares answers that ran their Cypher; a version without one is unaffected (nothing matches).
  const hasLoadState = (await graph.driver.executeQuery("MATCH (s:LoadState {id: 'graph'}) RETURN count(s) > 0 AS has")).records[0]?.get("has") === true;
  const bust = hasLoadState
    ? async () => {
        await graph.driver.executeQuery("MATCH (s:LoadState {id: 'graph'}) SET s.seq = s.seq + 1");
      }
    : undefined;
  log(hasLoadState ? "A load sequence is stored: each measured request follows a new one (no cache answers it)." : "No load sequence stored: requests measured as they come.");
  const recorder = recordQueries(graph);
  const server = createApp({ graph }).listen(0, "127.0.0.1");
  await new Promise<void>((r) => (server.listening ? r() : server.once("listening", () => r())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    for (const row of rows) {
      try {
        const m = await apiOverDriver({ base, graph, recorder, urls: row.urls, requests: Number(values.requests), warmup: Number(values.warmup), readTimeoutMs: READ_TIMEOUT_MS, ...(bust ? { bust } : {}) });
        log(`${row.key}: API p50 ${m.api.p50} ms, driver p50 ${m.driver.p50} ms (${m.ratioP50 ?? "no Cypher"}×), ${m.queriesOnFirstRequest} → ${m.queriesPerWarmRequest} queries`);
        out[row.key] = m;
      } catch (err) {
        out[row.key] = { error: (err as Error).message.split("\n")[0]!.slice(0, 300) };
      }
    }
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
} finally {
  await graph.close();
  await neo.stop();
}
writeFileSync(values.out, `${JSON.stringify(out, null, 2)}\n`);
process.exit(0);
