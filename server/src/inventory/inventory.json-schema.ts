/** The inventory format as JSON Schema (seed/inventory.schema.json, written by `npm run schema:json`), for editor autocompletion. */
import { z } from "zod";

import { InventorySchema } from "./inventory.schema.js";

export function inventoryJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(InventorySchema, { io: "input", unrepresentable: "any" }),
    title: "Personal-data inventory",
    description: "One system's personal data: entities and columns, categories, purposes, sources, references, vendors. See seed/FORMAT.md.",
  };
}
