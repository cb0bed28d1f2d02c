/**
 * The API next to the bare driver, in-process: the app's Graph records which named Cypher each request ran, and the
 * very same statements with the same parameters are then run straight through the driver. Shared by the full
 * endpoint run (`bench.ts --endpoints`) and the issue-21 ratio (`ratio.ts`, run inside each version's checkout).
 * Imports only modules every version since the scale work has: `ratio.ts` copies this file into an older checkout.
 */
import neo4j from "neo4j-driver";

import { percentiles, type Percentiles } from "./stats.js";
import { cypher } from "../server/src/db/cypher.js";
import type { Graph } from "../server/src/db/graph.js";

export interface Recorded {
  query: string;
  params: Record<string, unknown>;
}

/** The app's Graph, recording which named queries each request runs (to replay them through the bare driver). */
export function recordQueries(graph: Graph): { take: () => Recorded[] } {
  let log: Recorded[] = [];
  const read = graph.read.bind(graph);
  graph.read = (query: string, params: Record<string, unknown>) => {
    log.push({ query, params });
    return read(query, params);
  };
  return {
    take: () => {
      const out = log;
      log = [];
      return out;
    },
  };
}

export async function timedGet(base: string, url: string): Promise<{ ms: number; bytes: number; status: number; body: ArrayBuffer }> {
  const started = performance.now();
  const res = await fetch(base + url);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - started, bytes: body.byteLength, status: res.status, body };
}

export interface ApiOverDriver {
  api: Percentiles;
  driver: Percentiles;
  /** API p50 / driver p50: what HTTP, Express, validation and shaping add over the query itself; null when no Cypher ran. */
  ratioP50: number | null;
  /**
   * Whether every measured API request came right after `bust` (a new load sequence, so no cache of the app could
   * answer it): the ratio then compares answers that ran their Cypher with that Cypher alone.
   */
  busted: boolean;
  /** p50 of warm requests left to the app's caches (without `bust`), when `bust` was given. */
  warmCachedP50: number | null;
  maxBytes: number;
  /** Requests that did not answer 200 (timeouts, 503), counted in the times. */
  failed: number;
  /** The named Cypher files the requests ran. */
  queries: string[];
  /** Named queries the first request of an answer ran (the most over its URLs). */
  queriesOnFirstRequest: number;
  /** Named queries a warm request ran (the most over its URLs): fewer than on the first means a cache answered. */
  queriesPerWarmRequest: number;
}

/**
 * Each URL once (its Cypher recorded before any cache could answer it), `warmup` requests, one more per URL to count
 * what a warm request runs, then `requests` sequential requests cycling over `urls` (each after `bust` when given,
 * untimed), and the recorded Cypher of each URL replayed `requests` times through the driver.
 */
export async function apiOverDriver(opts: {
  base: string;
  graph: Graph;
  recorder: { take: () => Recorded[] };
  urls: readonly string[];
  requests: number;
  warmup: number;
  readTimeoutMs: number;
  bust?: () => Promise<void>;
}): Promise<ApiOverDriver> {
  const { base, graph, recorder, urls, requests, warmup, bust } = opts;
  const max = (xs: Iterable<number>) => Math.max(0, ...xs);
  // What each URL runs, recorded on its first request, then replayed straight through the driver. With `bust`, that
  // request follows a new load sequence too, as every measured one does: what the app keeps per load (answers,
  // parsed summaries, a trace's reach) cannot stand in for Cypher the measured requests run.
  const perUrl = new Map<string, Recorded[]>();
  recorder.take();
  for (const url of urls) {
    if (bust) await bust();
    recorder.take();
    await timedGet(base, url);
    perUrl.set(url, recorder.take());
  }
  for (let i = 0; i < warmup; i++) await timedGet(base, urls[i % urls.length]!);
  const warmRan: number[] = [];
  const warmMs: number[] = [];
  for (const url of urls) {
    recorder.take();
    warmMs.push((await timedGet(base, url)).ms);
    warmRan.push(recorder.take().length);
  }
  const apiMs: number[] = [];
  let bytes = 0;
  let failed = 0;
  for (let i = 0; i < requests; i++) {
    const url = urls[i % urls.length]!;
    if (bust) await bust();
    const r = await timedGet(base, url);
    apiMs.push(r.ms);
    // The same URL again at once: what the app's cache (if it has one) makes of a repeat.
    if (bust) warmMs.push((await timedGet(base, url)).ms);
    // A timeout (503) or error is counted and its time kept: a slow endpoint must show, not stop the run.
    if (r.status !== 200) failed++;
    bytes = Math.max(bytes, r.bytes);
  }
  const driverMs: number[] = [];
  const s = graph.driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    for (let i = 0; i < requests; i++) {
      const queries = perUrl.get(urls[i % urls.length]!) ?? [];
      const started = performance.now();
      for (const q of queries) await s.executeRead((tx) => tx.run(cypher(q.query), q.params), { timeout: opts.readTimeoutMs }).catch(() => undefined);
      driverMs.push(performance.now() - started);
    }
  } finally {
    await s.close();
  }
  recorder.take();
  const api = percentiles(apiMs);
  const driver = percentiles(driverMs);
  return {
    api,
    driver,
    ratioP50: driver.p50 > 0 ? Math.round((api.p50 / driver.p50) * 100) / 100 : null,
    busted: bust !== undefined,
    warmCachedP50: bust ? percentiles(warmMs).p50 : null,
    maxBytes: bytes,
    failed,
    queries: [...new Set([...perUrl.values()].flat().map((q) => q.query))],
    queriesOnFirstRequest: max([...perUrl.values()].map((q) => q.length)),
    queriesPerWarmRequest: max(warmRan),
  };
}
