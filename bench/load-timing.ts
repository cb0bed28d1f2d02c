/**
 * `npm run bench:loads -- --scale S|M|L [--no-reload] [--seed N]` — only the loader: generates the estate, starts a
 * throw-away embedded Neo4j with the app's default memory, loads the estate next to the built-in data with the app's
 * loader, then loads the same files again (reload), and prints each time with the load average. Writes no files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { waitForDatabase } from "./connect.js";
import { SCALES, type Scale } from "./estate.js";
import { DEFAULT_SEED, writeEstate } from "./generate.js";
import { readEnv } from "../server/src/config/env.js";
import { startEmbeddedNeo4j } from "../server/src/db/embedded.js";
import { Graph } from "../server/src/db/graph.js";
import { builtInInventoryFiles } from "../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../server/src/inventory/seed.service.js";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "S" }, seed: { type: "string", default: String(DEFAULT_SEED) }, "no-reload": { type: "boolean", default: false } },
});
const SCALE = values.scale.toUpperCase() as Scale;
if (!(SCALE in SCALES)) {
  console.error("usage: npm run bench:loads -- --scale S|M|L [--no-reload] [--seed N]");
  process.exit(2);
}
const loadAverage = () => os.loadavg().map((x) => x.toFixed(2)).join(", ");
const log = (msg: string) => console.log(`[loads ${new Date().toISOString().slice(11, 19)}] ${msg}`);

async function main(): Promise<void> {
  const env = readEnv();
  const tmp = mkdtempSync(path.join(os.tmpdir(), `pd-lineage-loads-${SCALE}-`));
  try {
    const estate = await writeEstate({ scale: SCALE, out: path.join(tmp, "estate"), seed: Number(values.seed), sharedNames: false });
    log(`${SCALE}: ${estate.counts.systems} systems, ${estate.counts.tables} tables, ${estate.counts.columns} columns, ${estate.counts.vendors} vendors; ${os.cpus().length} cores`);
    log(`embedded Neo4j: heap ${env.NEO4J_HEAP_MB} MB, page cache ${env.NEO4J_PAGECACHE_MB} MB, default transaction memory`);
    const neo = await startEmbeddedNeo4j({ dataDir: path.join(tmp, "neo4j"), heapMb: env.NEO4J_HEAP_MB, pageCacheMb: env.NEO4J_PAGECACHE_MB, log });
    const graph = Graph.open({ uri: neo.uri, user: neo.user, password: neo.password, queryTimeoutMs: 60_000 });
    try {
      await waitForDatabase(graph);
      const files = [...(await builtInInventoryFiles()), ...estate.files];
      for (const label of values["no-reload"] ? ["load"] : ["load", "reload"]) {
        log(`${label}: ${files.length} files, load average before ${loadAverage()}`);
        const t = performance.now();
        const r = await loadInventoryFiles(graph, files);
        const s = ((performance.now() - t) / 1000).toFixed(1);
        log(`${label}: ${r.nodes} nodes + ${r.relationships} relationships in ${s} s; load average after ${loadAverage()}`);
      }
    } finally {
      await graph.close();
      await neo.stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
