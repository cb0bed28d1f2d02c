/**
 * `npm run export -- --format fides --system <id> [--graph | --from <file>...] [--out <file>]`: writes a system as a
 * fideslang dataset manifest. The system is read from the graph (`--graph`: NEO4J_URI or the embedded database, which
 * must not be running in another process), from the given files (any import format), or by default from the
 * built-in inventories.
 */
import { writeFile } from "node:fs/promises";

import { cliArgs, userPath } from "./cli.args.js";
import { readSystemInventory } from "./export.repository.js";
import { inventoryToFidesDataset } from "./fides.export.js";
import { readImportFiles, readLookup } from "./import.service.js";
import { readEnv } from "../config/env.js";
import { connectDatabase } from "../db/connect.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";
import type { Inventory } from "../inventory/inventory.schema.js";
import { builtInInventoryFiles } from "../inventory/paths.js";

const USAGE = "npm run export -- --format fides --system <id> [--graph | --from <file>...] [--out <file>]";
const { values } = cliArgs(
  {
    format: { type: "string", default: "fides" },
    system: { type: "string" },
    graph: { type: "boolean" },
    from: { type: "string", multiple: true },
    out: { type: "string" },
  },
  USAGE,
);
if (values.format !== "fides" || !values.system) {
  console.error(`${values.system ? "only --format fides is supported" : "name the system with --system <id>"}\nusage: ${USAGE}`);
  process.exit(2);
}
const system = values.system;

async function fromGraph(): Promise<Inventory | undefined> {
  const db = await connectDatabase(readEnv());
  try {
    return await readSystemInventory(db.graph, system);
  } finally {
    await db.close();
  }
}

try {
  const lookup = await readLookup();
  const files = values.from?.map(userPath) ?? (await builtInInventoryFiles());
  const inventory = values.graph ? await fromGraph() : (await readImportFiles(files, lookup)).find((i) => i.inventory.system.id === system)?.inventory;
  if (!inventory) {
    console.error(`no system '${system}' in ${values.graph ? "the graph" : files.join(", ")}`);
    process.exit(1);
  }
  const { text, warnings } = inventoryToFidesDataset(inventory, lookup);
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
