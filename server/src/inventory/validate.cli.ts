/** `npm run validate -- <file>...`: checks inventory files without touching the database. */
import path from "node:path";

import { InventoryValidationError, readCatalogue, readInventory } from "./inventory.parse.js";
import { BUILT_IN_DIR, CATALOGUE_DIR, builtInInventoryFiles } from "./paths.js";

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : await builtInInventoryFiles();
const catalogue = await readCatalogue(CATALOGUE_DIR);
let failed = false;
for (const file of files) {
  try {
    const inv = await readInventory(path.resolve(file), catalogue);
    const columns = inv.entities.reduce((n, e) => n + e.columns.length, 0);
    console.log(`ok  ${path.relative(BUILT_IN_DIR, file) || file}: ${inv.system.name}, ${inv.entities.length} entities, ${columns} columns, ${inv.vendors.length} vendor flows`);
  } catch (err) {
    failed = true;
    console.error(err instanceof InventoryValidationError ? err.message : err);
  }
}
process.exit(failed ? 1 : 0);
