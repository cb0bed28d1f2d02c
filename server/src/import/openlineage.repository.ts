/** What OpenLineage events need to know of the graph: the systems they name that are already loaded (and a document's tables). */
import { z } from "zod";

import type { LoadedSystem } from "./openlineage.import.js";
import type { Graph } from "../db/graph.js";

const LoadedSystemRowSchema = z.object({ system: z.string(), origin: z.string().nullable(), events: z.array(z.string()) });
const LoadedTableRowSchema = z.object({
  name: z.string(),
  columns: z.array(z.object({ name: z.string(), kind: z.enum(["personal", "system", "reference"]), category: z.string().nullable(), pseudonymised: z.boolean().nullable() })),
});

export async function readLoadedSystems(graph: Graph, systems: string[]): Promise<Map<string, LoadedSystem>> {
  if (systems.length === 0) return new Map();
  const rows = (await graph.read("import/loaded-systems", { systems })).map((r) => LoadedSystemRowSchema.parse(r));
  const out = new Map<string, LoadedSystem>();
  for (const r of rows) {
    // A document's system: events add to its tables, so they are read too.
    const tables = r.origin === "openlineage" ? undefined : (await graph.read("import/loaded-tables", { system: r.system })).map((t) => LoadedTableRowSchema.parse(t));
    out.set(r.system, { origin: r.origin, events: r.events, ...(tables ? { tables } : {}) });
  }
  return out;
}
