/**
 * `npm start`: builds the client once if needed, starts (or connects to) Neo4j, seeds an empty database
 * with the built-in inventories (or, with `DATA=<dir>`, with that directory's inventories instead), serves the
 * explorer, and shuts everything down cleanly on Ctrl-C / SIGTERM.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { readEnv, type Env } from "./config/env.js";
import { connectDatabase, type Database } from "./db/connect.js";
import { EmbeddedNeo4jError } from "./db/embedded.js";
import { warmQueries } from "./db/warm.js";
import { createHttpServer } from "./http/listen.js";
import { importDirectory } from "./import/import.service.js";
import { InventoryValidationError } from "./inventory/inventory.parse.js";
import { REPO_ROOT } from "./inventory/paths.js";
import { isEmpty, seedBuiltIn } from "./inventory/seed.service.js";
import { closePdfBrowser, configurePdf } from "./reports/pdf.js";
import { CLIENT_DIST, createApp } from "./server.js";

function ensureClientBuilt(): void {
  if (existsSync(path.join(CLIENT_DIST, "index.html"))) return;
  console.log("Building the web client (first start only)…");
  const r = spawnSync("npm", ["run", "build", "-w", "client"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("The client build failed; see the output above.");
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function warnIfExposed(env: Env): void {
  if (LOOPBACK.has(env.HOST) || env.API_TOKEN) return;
  console.warn(
    [
      "",
      `WARNING: HOST=${env.HOST} makes the explorer reachable from other machines, and API_TOKEN is not set:`,
      "anyone who can reach this port can read the whole personal-data map. Set API_TOKEN (and put a reverse",
      "proxy with TLS in front), or keep HOST=127.0.0.1. See SECURITY.md.",
      "",
    ].join("\n"),
  );
}

/** Seeds an empty database. Returns false when the database does not answer (an external server still starting). */
async function seedIfEmpty(db: Database, dataDir: string | undefined, warn = true): Promise<boolean> {
  try {
    if (await isEmpty(db.graph)) {
      // A user's own data set never needs the built-in one: DATA replaces it.
      console.log(dataDir ? `Empty database: loading the inventories in ${dataDir}…` : "Empty database: loading the built-in inventories…");
      const report = dataDir ? await importDirectory(db.graph, dataDir) : await seedBuiltIn(db.graph);
      console.log(`Loaded ${report.systems.join(", ")}: ${report.nodes} nodes, ${report.relationships} relationships in ${report.millis} ms.`);
    } else if (dataDir) {
      console.log(`The database already holds systems, so ${dataDir} was not loaded; load files into it with npm run import -- <file>…`);
    }
    return true;
  } catch (err) {
    // A file that does not validate is the user's to fix: no retry.
    if (err instanceof InventoryValidationError) throw err;
    if (warn) console.warn(`The database does not answer (${(err as Error).message}); serving 503s until it does, and retrying…`);
    return false;
  }
}

/** Keeps trying in the background, so an app started before its database comes up by itself. */
async function seedWhenReachable(db: Database, dataDir: string | undefined): Promise<void> {
  for (let attempt = 0; !(await seedIfEmpty(db, dataDir)); attempt++) {
    await new Promise((r) => setTimeout(r, Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5))));
  }
}

async function main(): Promise<void> {
  const env = readEnv();
  warnIfExposed(env);
  ensureClientBuilt();
  const db = await connectDatabase(env);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    server.close();
    server.closeAllConnections();
    await closePdfBrowser();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  // npm does not pass SIGTERM on to its child: when `npm start` is killed we are re-parented, and stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void stop("parent process exited");
  }, 1000).unref();

  const app = createApp({
    graph: db.graph,
    apiToken: env.API_TOKEN,
    rateLimitPerSecond: env.RATE_LIMIT_PER_SECOND,
    listenHost: env.HOST,
    allowedHosts: env.ALLOWED_HOSTS,
    trustProxy: env.TRUST_PROXY,
    deadlines: { queryMs: env.QUERY_TIMEOUT_MS, exportMs: env.EXPORT_TIMEOUT_MS },
    lineage: env.LINEAGE_INGEST_TOKEN
      ? { token: env.LINEAGE_INGEST_TOKEN, maxBytes: env.LINEAGE_MAX_BYTES, ratePerSecond: env.LINEAGE_RATE_LIMIT_PER_SECOND, namespaces: env.LINEAGE_NAMESPACES }
      : undefined,
  });
  configurePdf({ concurrency: env.PDF_CONCURRENCY, queue: env.PDF_QUEUE });
  const server = createHttpServer(app, { headersTimeoutMs: env.HEADERS_TIMEOUT_MS, requestTimeoutMs: env.REQUEST_TIMEOUT_MS });
  // Data first, then the URL: the first page a user opens is never an empty map.
  let seeded = false;
  // A cold database on a busy machine can miss the first query's timeout: a few tries before serving without data.
  for (let attempt = 0; !seeded && attempt < 3; attempt++) seeded = await seedIfEmpty(db, env.DATA, attempt === 2);
  server.listen(env.PORT, env.HOST, () => {
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : env.PORT;
    const host = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
    console.log(`\nPersonal-data lineage explorer: http://${host}:${port}/${env.API_TOKEN ? " (API token required)" : ""}\n`);
  });
  if (!seeded) await seedWhenReachable(db, env.DATA);
  // In the background: the first user's search or trace should not pay for planning it.
  const warm = await warmQueries(db.graph).catch((err: unknown) => ({ queries: 0, millis: 0, failed: [(err as Error).message] }));
  if (warm.failed.length > 0) console.warn(`Warming the read queries: ${warm.failed.join("; ")}`);
  console.log(`Read queries warmed: ${warm.queries} in ${warm.millis} ms.`);
}

main().catch((err: unknown) => {
  if (err instanceof InventoryValidationError) {
    console.error(`DATA could not be loaded, nothing was loaded:\n${err.message}`);
    process.exit(1);
  }
  console.error(err instanceof EmbeddedNeo4jError ? `Cannot start the embedded Neo4j: ${err.message}` : err);
  process.exit(1);
});
