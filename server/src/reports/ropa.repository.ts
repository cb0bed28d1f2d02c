/** Runs `reports/ropa` and checks its rows. */
import { z } from "zod";

import type { Graph } from "../db/graph.js";
import { EngagementRowSchema } from "../transfers/engagement.row.js";

export const RopaSystemRowSchema = z.object({
  system: z.object({ system: z.string(), name: z.string(), documentTitle: z.string().nullable() }),
  purposes: z.array(z.object({ id: z.string(), name: z.string(), vendors: z.array(z.string()), columns: z.array(z.string()) })),
  flows: z.array(
    z.object({
      vendor: z.object({ id: z.string(), name: z.string() }),
      // The system is the row's own (above).
      flow: EngagementRowSchema.omit({ system: true }),
      columns: z.array(z.string()),
      places: z.array(z.object({ type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]), code: z.string(), name: z.string() })),
    }),
  ),
  columns: z.array(z.object({ id: z.string(), category: z.string().nullable(), subjects: z.array(z.string()) })),
});
export type RopaSystemRow = z.infer<typeof RopaSystemRowSchema>;

export class RopaRepository {
  constructor(private readonly graph: Graph) {}

  async systems(system: string | null): Promise<RopaSystemRow[]> {
    const rows = await this.graph.read("reports/ropa", { system });
    return rows.map((r) => RopaSystemRowSchema.parse(r));
  }
}
