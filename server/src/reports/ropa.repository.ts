/** Runs `reports/ropa` and checks its rows. */
import { z } from "zod";

import type { Graph } from "../db/graph.js";
import { LAWFUL_BASES, PROCESSING_ROLES } from "../inventory/inventory.schema.js";
import { EngagementRowSchema } from "../transfers/engagement.row.js";

/** A security measure or automated-decision statement as stored: true/false, the inventory's words, or null (not documented). */
const Measure = z.union([z.boolean(), z.string()]).nullable();

export const RopaSystemRowSchema = z.object({
  system: z.object({
    system: z.string(),
    name: z.string(),
    documentTitle: z.string().nullable(),
    role: z.enum(PROCESSING_ROLES).nullable(),
    orgName: z.string().nullable(),
    orgContact: z.string().nullable(),
    orgAddress: z.string().nullable(),
    dpoName: z.string().nullable(),
    dpoContact: z.string().nullable(),
    repName: z.string().nullable(),
    repContact: z.string().nullable(),
    legalName: z.string().nullable(),
    entityCountry: z.string().nullable(),
    hostingCountries: z.array(z.string()).nullable(),
    loadedFile: z.string().nullable(),
    loadedSha256: z.string().nullable(),
    securityEncryptionAtRest: Measure,
    securityEncryptionInTransit: Measure,
    securityAccessControl: Measure,
    securityPseudonymisation: Measure,
    securityLogging: Measure,
    securityNotes: z.string().nullable(),
  }),
  activities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: z.enum(PROCESSING_ROLES).nullable(),
      controllers: z.array(z.string()).nullable(),
      lawfulBasis: z.enum(LAWFUL_BASES).nullable(),
      legitimateInterest: z.string().nullable(),
      liaLink: z.string().nullable(),
      specialCategoryCondition: z.string().nullable(),
      volume: z.string().nullable(),
      retention: z.string().nullable(),
      automatedDecisions: Measure,
      section: z.string().nullable(),
      purposes: z.array(z.string()),
      subjects: z.array(z.string()),
    }),
  ),
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
  columns: z.array(z.object({ id: z.string(), category: z.string().nullable(), special: z.boolean(), subjects: z.array(z.string()), sources: z.array(z.string()) })),
});
export type RopaSystemRow = z.infer<typeof RopaSystemRowSchema>;

export class RopaRepository {
  constructor(private readonly graph: Graph) {}

  async systems(system: string | null): Promise<RopaSystemRow[]> {
    const rows = await this.graph.read("reports/ropa", { system });
    return rows.map((r) => RopaSystemRowSchema.parse(r));
  }
}
