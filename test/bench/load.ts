/**
 * Load on the API with autocannon, over loopback only and bounded in connections and time.
 * `runLoad` is shared by `npm run bench:load` (load.cli.ts: a real server process, 50 connections × 30 s,
 * cold then warm) and the 5-second check in the test suite (load.test.ts), which fails on any error.
 */
import autocannon from "autocannon";

const enc = encodeURIComponent;

/** A mix like a person's session: mostly look-ups, one heavy traversal in five. */
export const MIXED_PATHS = [
  "/api/search?q=cms_us",
  "/api/tables/CMS_User",
  "/api/tables/CMS_User/referenced-by",
  "/api/trace?from=table:kentico/COM_Customer",
  "/api/vendors",
  "/api/search?q=email&kind=column",
  `/api/nodes/${enc("table:kentico/CMS_User")}`,
  "/api/tables?system=kentico",
  `/api/nodes/${enc("table:kentico/COM_Customer")}/neighborhood?depth=2`,
  "/api/overview",
  "/api/vendors/paypal",
  "/api/health",
  "/api/tables/COM_Customer",
  `/api/paths?from=table:kentico/COM_Customer&to=vendor:paypal`,
  "/api/search?q=paypal",
];

export interface LoadResult {
  connections: number;
  seconds: number;
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** non-2xx + socket errors + timeouts. */
  failures: number;
  /** Responses per HTTP status. */
  statuses: Record<string, number>;
}

/** One request per path, one after the other: plans cached and pages warm before a measured run. */
export async function warmUp(baseUrl: string, headers: Record<string, string> = {}): Promise<void> {
  for (const path of MIXED_PATHS) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await fetch(`${baseUrl}${path}`, { headers });
      await res.arrayBuffer();
      if (res.ok) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export async function runLoad(baseUrl: string, options: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const url = new URL(baseUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) throw new Error(`bench:load only targets loopback, not ${url.hostname}`);
  const result = await autocannon({
    url: baseUrl,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    ...(options.headers ? { headers: options.headers } : {}),
    requests: MIXED_PATHS.map((path) => ({ method: "GET" as const, path })),
  });
  const errors = result.errors;
  return {
    connections: options.connections,
    seconds: options.seconds,
    requests: result.requests.total,
    reqPerSec: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors,
    timeouts: result.timeouts,
    failures: result.non2xx + errors + result.timeouts,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, v]) => [code, (v as { count: number }).count])),
  };
}
