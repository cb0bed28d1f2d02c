/**
 * `npm run export -- --format fides --system <id> [--from <file>...] [--out <file>]`: writes a system's inventory as
 * a fideslang dataset manifest. The system is looked up in the given files (any import format) or, without
 * `--from`, in the built-in inventories.
 */
import { writeFile } from "node:fs/promises";

import { cliArgs, userPath } from "./cli.args.js";
import { inventoryToFidesDataset } from "./fides.export.js";
import { readImportFiles, readLookup } from "./import.service.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";
import { builtInInventoryFiles } from "../inventory/paths.js";

const USAGE = "npm run export -- --format fides --system <id> [--from <file>...] [--out <file>]";
const { values } = cliArgs(
  { format: { type: "string", default: "fides" }, system: { type: "string" }, from: { type: "string", multiple: true }, out: { type: "string" } },
  USAGE,
);
if (values.format !== "fides" || !values.system) {
  console.error(`${values.system ? "only --format fides is supported" : "name the system with --system <id>"}\nusage: ${USAGE}`);
  process.exit(2);
}
try {
  const lookup = await readLookup();
  const files = values.from?.map(userPath) ?? (await builtInInventoryFiles());
  const found = (await readImportFiles(files, lookup)).find((i) => i.inventory.system.id === values.system);
  if (!found) {
    console.error(`no system '${values.system}' in ${files.join(", ")}`);
    process.exit(1);
  }
  const { text, warnings } = inventoryToFidesDataset(found.inventory, lookup);
  for (const w of warnings) console.error(`warning: ${w}`);
  if (values.out) {
    await writeFile(userPath(values.out), text);
    console.error(`wrote ${values.out}`);
  } else {
    process.stdout.write(text);
  }
} catch (err) {
  console.error(err instanceof InventoryValidationError ? err.message : err);
  process.exit(1);
}
