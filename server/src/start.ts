/**
 * `npm start`: builds the client once if needed, starts (or connects to) Neo4j, seeds an empty database
 * with the built-in inventories (or, with `DATA=<dir>`, with that directory's inventories instead), serves the
 * explorer, and shuts everything down cleanly on Ctrl-C / SIGTERM.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

import { readEnv } from "./config/env.js";
import { connectDatabase } from "./db/connect.js";
import { EmbeddedNeo4jError } from "./db/embedded.js";
import { importDirectory } from "./import/import.service.js";
import { InventoryValidationError } from "./inventory/inventory.parse.js";
import { REPO_ROOT } from "./inventory/paths.js";
import { isEmpty, seedBuiltIn } from "./inventory/seed.service.js";
import { closePdfBrowser } from "./reports/pdf.js";
import { CLIENT_DIST, createApp } from "./server.js";

function ensureClientBuilt(): void {
  if (existsSync(path.join(CLIENT_DIST, "index.html"))) return;
  console.log("Building the web client (first start only)…");
  const r = spawnSync("npm", ["run", "build", "-w", "client"], { cwd: REPO_ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error("The client build failed; see the output above.");
}

async function main(): Promise<void> {
  const env = readEnv();
  ensureClientBuilt();
  const db = await connectDatabase(env);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    server?.close();
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

  if (await isEmpty(db.graph)) {
    // A user's own data set never needs the built-in one: DATA replaces it.
    console.log(env.DATA ? `Empty database: loading the inventories in ${env.DATA}…` : "Empty database: loading the built-in inventories…");
    const report = env.DATA ? await importDirectory(db.graph, env.DATA) : await seedBuiltIn(db.graph);
    console.log(`Loaded ${report.systems.join(", ")}: ${report.nodes} nodes, ${report.relationships} relationships in ${report.millis} ms.`);
  } else if (env.DATA) {
    console.log(`The database already holds systems, so ${env.DATA} was not loaded; load files into it with npm run import -- <file>…`);
  }

  const app = createApp({ graph: db.graph });
  const server = app.listen(env.PORT, env.HOST, () => {
    const addr = server.address();
    const port = typeof addr === "object" && addr ? addr.port : env.PORT;
    console.log(`\nPersonal-data lineage explorer: http://${env.HOST === "0.0.0.0" ? "localhost" : env.HOST}:${port}/\n`);
  });
}

main().catch((err: unknown) => {
  if (err instanceof InventoryValidationError) {
    console.error(`DATA could not be loaded, nothing was loaded:\n${err.message}`);
    process.exit(1);
  }
  console.error(err instanceof EmbeddedNeo4jError ? `Cannot start the embedded Neo4j: ${err.message}` : err);
  process.exit(1);
});
