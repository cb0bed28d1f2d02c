/**
 * `npm run export -- --format fides --system <id> [--graph | --from <file>...] [--out <file>]`: writes a system as a
 * fideslang dataset manifest. The system is read from the graph (`--graph`: NEO4J_URI or the embedded database, which
 * must not be running in another process), from the given files (any import format), or by default from the
 * built-in inventories.
 * `npm run export -- --format cnil-pia --assessment <id> [--from <assessment file>] [--out <file>]`: writes an assessment
 * (loaded in the graph, or read from a file) as a CNIL PIA tool export, with the graph's description of the processing
 * in its data and data-flow answers.
 */
import { writeFile } from "node:fs/promises";

import { cliArgs, userPath } from "./args.js";
import { exportCnilPia } from "./cnil-pia.js";
import { readEnv } from "../config/env.js";
import { connectDatabase } from "../db/connect.js";
import { AppError } from "../errors.js";
import { readSystemInventory } from "../import/export.repository.js";
import { inventoryToFidesDataset } from "../import/fides.export.js";
import { readImportFiles, readLookup } from "../import/import.service.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";
import type { Inventory } from "../inventory/inventory.schema.js";
import { builtInInventoryFiles } from "../inventory/paths.js";

const USAGE =
  "npm run export -- --format fides --system <id> [--graph | --from <file>...] [--out <file>]\n" +
  "       npm run export -- --format cnil-pia --assessment <id> [--from <assessment file>] [--out <file>]";
const { values } = cliArgs(
  {
    format: { type: "string", default: "fides" },
    system: { type: "string" },
    graph: { type: "boolean" },
    from: { type: "string", multiple: true },
    out: { type: "string" },
    assessment: { type: "string" },
  },
  USAGE,
);
if (values.format === "cnil-pia") {
  if (!values.assessment) {
    console.error(`name the assessment with --assessment <id>\nusage: ${USAGE}`);
    process.exit(2);
  }
  try {
    const text = await exportCnilPia(values.assessment, values.from?.map(userPath) ?? []);
    if (values.out) {
      await writeFile(userPath(values.out), text);
      console.error(`wrote ${values.out}`);
    } else process.stdout.write(text);
    process.exit(0);
  } catch (err) {
    console.error(err instanceof InventoryValidationError || err instanceof AppError ? err.message : err);
    process.exit(1);
  }
}
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
