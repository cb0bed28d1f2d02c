/** The facts a DPIA describes beside the flows (organisation, data subjects, purposes, processing activities), read once per pack. */
import { z } from "zod";

import { MechanismSchema, TransferStatusSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";

const s = z.string().nullish().transform((v) => v ?? null);

export const DpiaFactsSchema = z.object({
  systems: z.array(
    z.object({
      system: z.string(),
      name: z.string(),
      orgName: s,
      orgContact: s,
      orgAddress: s,
      dpoName: s,
      dpoContact: s,
      repName: s,
      repContact: s,
      role: s,
      legalName: s,
      entityCountry: s,
      hostingCountries: z.array(z.string()).nullish().transform((v) => v ?? []),
      security: z.array(z.object({ key: z.string(), value: z.string() })),
    }),
  ),
  subjects: z.array(z.object({ id: z.string(), name: z.string(), system: z.string() })),
  purposes: z.array(z.object({ id: z.string(), name: z.string(), system: z.string() })),
  activities: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      system: z.string(),
      role: s,
      lawfulBasis: s,
      legitimateInterest: s,
      liaLink: s,
      specialCategoryCondition: s,
      retention: s,
      volume: s,
      automatedDecisions: s,
      controllers: z.array(z.string()).nullish().transform((v) => v ?? []),
      purposes: z.array(z.string()),
      subjects: z.array(z.string()),
    }),
  ),
});
export type DpiaFacts = z.infer<typeof DpiaFactsSchema>;

/** One vendor flow as a transfer impact assessment needs it (from `/api/reports/tia` or a pack's flows). */
export const TiaFlowSchema = z.object({
  system: z.string(),
  systemName: z.string(),
  vendorName: z.string(),
  flow: z.object({
    flow: z.string(),
    service: s,
    purpose: s,
    role: s,
    legalName: s,
    mechanism: MechanismSchema.nullish().transform((v) => v ?? null),
    transfer: TransferStatusSchema,
  }),
  fields: z.array(z.string()),
  categories: z.array(z.string()),
  places: z.array(z.object({ type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]), code: z.string(), name: z.string() })),
});
export type TiaFlow = z.infer<typeof TiaFlowSchema>;

export class DpiaFactsRepository {
  constructor(private readonly graph: Graph) {}

  async facts(systems: string[], ids: string[]): Promise<DpiaFacts> {
    const [row] = await this.graph.read("reports/dpia-facts", { systems, ids });
    return DpiaFactsSchema.parse(row);
  }

  async flow(flow: string): Promise<TiaFlow | undefined> {
    const [row] = await this.graph.read("reports/flow", { id: flow });
    return row ? TiaFlowSchema.parse(row) : undefined;
  }
}
