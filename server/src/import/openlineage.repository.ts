/** What OpenLineage events need to know of the graph: the systems they name that are already loaded. */
import { z } from "zod";

import type { LoadedSystem } from "./openlineage.import.js";
import type { Graph } from "../db/graph.js";

const LoadedSystemRowSchema = z.object({ system: z.string(), origin: z.string().nullable(), events: z.array(z.string()) });

export async function readLoadedSystems(graph: Graph, systems: string[]): Promise<Map<string, LoadedSystem>> {
  if (systems.length === 0) return new Map();
  const rows = (await graph.read("import/loaded-systems", { systems })).map((r) => LoadedSystemRowSchema.parse(r));
  return new Map(rows.map((r) => [r.system, { origin: r.origin, events: r.events }]));
}
