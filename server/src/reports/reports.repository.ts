/** The facts a report adds to an answer: the systems of its data set. */
import { z } from "zod";

import type { Graph } from "../db/graph.js";

export const ReportSystemSchema = z.object({
  system: z.string(),
  name: z.string(),
  systemKind: z.string().nullable(),
  documentTitle: z.string().nullable(),
  documentFile: z.string().nullable(),
});
export type ReportSystem = z.infer<typeof ReportSystemSchema>;

export class ReportsRepository {
  constructor(private readonly graph: Graph) {}

  async systems(systems: string[]): Promise<ReportSystem[]> {
    const rows = await this.graph.read("reports/systems", { systems });
    return rows.map((r) => z.object({ system: ReportSystemSchema }).parse(r).system);
  }
}
