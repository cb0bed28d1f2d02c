/**
 * `npm run seed` loads the built-in inventories; `npm run seed -- <file>...` loads the given files.
 * Uses NEO4J_URI when set, else the embedded Neo4j (which must not be running in another process).
 */
import path from "node:path";

import { readEnv } from "../config/env.js";
import { connectDatabase } from "../db/connect.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";
import { builtInInventoryFiles } from "../inventory/paths.js";
import { loadInventoryFiles } from "../inventory/seed.service.js";

const args = process.argv.slice(2);
const files = args.length > 0 ? args.map((f) => path.resolve(process.env.INIT_CWD ?? process.cwd(), f)) : await builtInInventoryFiles();
const db = await connectDatabase(readEnv());
let code = 0;
try {
  const report = await loadInventoryFiles(db.graph, files);
  console.log(`Loaded ${report.systems.join(", ")}: ${report.nodes} nodes, ${report.relationships} relationships in ${report.millis} ms.`);
} catch (err) {
  code = 1;
  console.error(err instanceof InventoryValidationError ? err.message : `Load failed, the graph is unchanged: ${(err as Error).message}`);
} finally {
  await db.close();
}
process.exit(code);
