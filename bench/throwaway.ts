/**
 * A throw-away embedded Neo4j for the bench scripts that compare or profile queries on a generated estate: started in a
 * temporary directory, handed to `run`, then closed, stopped and deleted whatever `run` did.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import type { Scale } from "./estate.js";
import { DEFAULT_SEED, writeEstate } from "./generate.js";
import { readEnv } from "../server/src/config/env.js";
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from "../server/src/db/embedded.js";
import { Graph } from "../server/src/db/graph.js";
import { builtInInventoryFiles } from "../server/src/inventory/paths.js";

export interface Throwaway {
  graph: Graph;
  neo: EmbeddedNeo4j;
  /** The temporary directory (the database is in it): files written here go with it. */
  tmp: string;
}

/** `name` names the temporary directory; the database is sized as the app's settings say, unless `size` says otherwise. */
export async function withThrowawayGraph(name: string, run: (t: Throwaway) => Promise<void>, size: { heapMb?: number; pageCacheMb?: number; queryTimeoutMs?: number } = {}): Promise<void> {
  const env = readEnv();
  const tmp = mkdtempSync(path.join(os.tmpdir(), `pd-lineage-${name}-`));
  try {
    const neo = await startEmbeddedNeo4j({ dataDir: path.join(tmp, "neo4j"), heapMb: size.heapMb ?? env.NEO4J_HEAP_MB, pageCacheMb: size.pageCacheMb ?? env.NEO4J_PAGECACHE_MB, log: () => {} });
    const graph = Graph.open({ uri: neo.uri, user: neo.user, password: neo.password, queryTimeoutMs: size.queryTimeoutMs ?? env.QUERY_TIMEOUT_MS });
    try {
      await run({ graph, neo, tmp });
    } finally {
      await graph.close();
      await neo.stop();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Runs one statement through the bare driver and times it: what the compare scripts measure, round by round. */
export async function timedQuery(graph: Graph, query: string, params: Record<string, unknown>): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  const started = performance.now();
  const res = await graph.driver.executeQuery(query, params);
  return { ms: performance.now() - started, rows: res.records.map((r) => r.toObject() as Record<string, unknown>) };
}

/** The inventories of a generated estate written into `tmp`, after the built-in ones: the files a bench loads. */
export async function estateFiles(tmp: string, scale: Scale, seed = DEFAULT_SEED): Promise<string[]> {
  const estate = await writeEstate({ scale, out: path.join(tmp, "estate"), seed, sharedNames: false });
  return [...(await builtInInventoryFiles()), ...estate.files];
}
