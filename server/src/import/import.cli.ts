/**
 * `npm run import -- <file>... [--format yaml|csv|fides|openlineage] [--namespace ns=system-id]... [--dry-run]`: reads inventories in any supported format,
 * validates all of them, then loads them in one transaction (groups of whole files past the transaction budget; each
 * file is one system, and loading it again replaces it).
 * `--dry-run` prints what would be created and never connects to the database.
 */
import { cliArgs, formatArg, userPath } from "./cli.args.js";
import { describeImport, importFiles, readImportFiles, readLookup } from "./import.service.js";
import { readEnv } from "../config/env.js";
import { connectDatabase } from "../db/connect.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";

const USAGE = "npm run import -- <file>... [--format yaml|csv|fides|openlineage] [--namespace ns=system-id]... [--dry-run]";
const { values, positionals } = cliArgs({ format: { type: "string" }, "dry-run": { type: "boolean" }, namespace: { type: "string", multiple: true } }, USAGE);
const format = formatArg(values.format, USAGE);
const namespaces: Record<string, string> = {};
for (const pair of values.namespace ?? []) {
  // The namespace may itself hold '=' (a URL with a query); the system id after the last one never does.
  const at = pair.lastIndexOf("=");
  if (at <= 0 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(pair.slice(at + 1))) {
    console.error(`--namespace must be ns=system-id (a lower-case id such as 'warehouse'), not '${pair}'\nusage: ${USAGE}`);
    process.exit(2);
  }
  namespaces[pair.slice(0, at)] = pair.slice(at + 1);
}
if (positionals.length === 0) {
  console.error(`name at least one file\nusage: ${USAGE}`);
  process.exit(2);
}
const files = positionals.map(userPath);
const cwd = process.env.INIT_CWD ?? process.cwd();

let code = 0;
if (values["dry-run"]) {
  try {
    const imported = await readImportFiles(files, await readLookup(), format, { namespaces });
    for (const i of imported) console.log(describeImport(i, cwd));
    console.log(`Dry run: nothing was written. ${imported.length} system${imported.length === 1 ? "" : "s"} would be loaded.`);
  } catch (err) {
    code = 1;
    console.error(err instanceof InventoryValidationError ? err.message : err);
  }
} else {
  const db = await connectDatabase(readEnv());
  try {
    // Facts cite each file by the path given (relative to where the command runs).
    const report = await importFiles(db.graph, files, format, { namespaces }, cwd);
    for (const i of report.imported) console.log(describeImport(i, cwd));
    console.log(`Loaded ${report.systems.join(", ")}: ${report.nodes} nodes, ${report.relationships} relationships in ${report.millis} ms.`);
  } catch (err) {
    code = 1;
    console.error(err instanceof InventoryValidationError ? err.message : `Import failed, the graph is unchanged: ${(err as Error).message}`);
  } finally {
    await db.close();
  }
}
process.exit(code);
