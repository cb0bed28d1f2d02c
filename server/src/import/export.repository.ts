/** Reads one system back from the graph as an inventory, for `npm run export -- --graph`. */
import { z } from "zod";

import type { Graph } from "../db/graph.js";
import type { Inventory } from "../inventory/inventory.schema.js";

const SystemRowSchema = z.object({
  name: z.string(),
  kind: z.enum(["self-hosted", "saas"]),
  description: z.string().nullable(),
  tables: z.array(
    z.object({
      table: z.string(),
      kind: z.enum(["table", "logical", "mentioned"]),
      title: z.string().nullable(),
      description: z.string().nullable(),
      columns: z.array(
        z.object({
          name: z.string(),
          kind: z.enum(["personal", "system", "reference"]),
          category: z.string().nullable(),
          categoryLabel: z.string().nullable(),
          description: z.string().nullable(),
          references: z.string().nullable(),
        }),
      ),
      references: z.array(z.object({ to: z.string(), columns: z.array(z.string()) })),
    }),
  ),
});

/** The system's tables, columns, categories and references as an inventory; undefined when the graph has no such system. */
export async function readSystemInventory(graph: Graph, system: string): Promise<Inventory | undefined> {
  const [row] = await graph.read("import/system-for-export", { system });
  if (!row) return undefined;
  const s = SystemRowSchema.parse(row);
  const columnRefs = new Set(s.tables.flatMap((t) => t.columns.filter((c) => c.references).map((c) => `${t.table}\u0000${c.name}\u0000${c.references}`)));
  return {
    system: { id: system, name: s.name, kind: s.kind, ...(s.description ? { description: s.description } : {}) },
    subjects: [],
    categories: [],
    purposes: [],
    sources: [],
    vendors: [],
    systemFlows: [],
    activities: [],
    entities: s.tables.map((t) => ({
      name: t.table,
      kind: t.kind,
      ...(t.title ? { label: t.title } : {}),
      ...(t.description ? { description: t.description } : {}),
      subjects: [],
      columns: t.columns.map((c) => ({
        name: c.name,
        kind: c.kind,
        ...(c.category ? { category: c.category } : {}),
        ...(c.categoryLabel ? { categoryLabel: c.categoryLabel } : {}),
        ...(c.description ? { description: c.description } : {}),
        ...(c.references ? { references: c.references } : {}),
        purposes: [],
      })),
    })),
    // Table → table edges carry every referencing column; those a column already states are not repeated.
    references: s.tables.flatMap((t) =>
      t.references
        .map((r) => ({ from: t.table, to: r.to, columns: r.columns.filter((c) => !columnRefs.has(`${t.table}\u0000${c}\u0000${r.to}`)), form: "outgoing" as const }))
        .filter((r) => r.columns.length > 0),
    ),
  };
}
