/** `npm run schema:json`: writes seed/inventory.schema.json from the zod schema, for editor autocompletion. */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { z } from "zod";

import { InventorySchema } from "./inventory.schema.js";
import { REPO_ROOT } from "./paths.js";

export function inventoryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(InventorySchema, { io: "input", unrepresentable: "any" }),
    title: "Personal-data inventory",
    description: "One system's personal data: entities and columns, categories, purposes, sources, references, vendors. See seed/FORMAT.md.",
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = path.join(REPO_ROOT, "seed", "inventory.schema.json");
  writeFileSync(out, `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${path.relative(REPO_ROOT, out)}`);
}
