/** `npm run validate -- <file>... [--format yaml|csv|fides]`: checks inventories in any supported format without touching the database. */
import path from "node:path";

import { cliArgs, formatArg, userPath } from "./args.js";
import { readImportFile, readLookup } from "../import/import.service.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";
import { BUILT_IN_DIR, builtInInventoryFiles } from "../inventory/paths.js";

const USAGE = "npm run validate -- [<file>...] [--format yaml|csv|fides]";
const { values, positionals } = cliArgs({ format: { type: "string" } }, USAGE);
const format = formatArg(values.format, USAGE);
const files = positionals.length > 0 ? positionals.map(userPath) : await builtInInventoryFiles();
const lookup = await readLookup();
let failed = false;
for (const file of files) {
  try {
    const { inventory: inv, format: f, warnings } = await readImportFile(file, lookup, format);
    const columns = inv.entities.reduce((n, e) => n + e.columns.length, 0);
    console.log(`ok  ${path.relative(BUILT_IN_DIR, file).startsWith("..") ? file : path.relative(BUILT_IN_DIR, file)} (${f}): ${inv.system.name}, ${inv.entities.length} entities, ${columns} columns, ${inv.vendors.length} vendor flows`);
    for (const w of warnings) console.log(`    warning ${w.file}${w.line ? `:${w.line}` : ""}${w.row ? ` row ${w.row}, column ${w.column ?? "?"}` : ""}  ${w.field}: ${w.message}`);
  } catch (err) {
    failed = true;
    console.error(err instanceof InventoryValidationError ? err.message : err);
  }
}
process.exit(failed ? 1 : 0);
