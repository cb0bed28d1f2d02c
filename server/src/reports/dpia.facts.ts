/** The facts a DPIA describes beside the flows (organisation, data subjects, purposes, processing activities), read once per pack. */
import { z } from "zod";

import { MechanismSchema, TransferStatusSchema } from "../contract/api.js";
import { citation } from "../contract/words.js";
import type { Graph } from "../db/graph.js";
import { SAME_CATEGORY } from "../elements/provenance.js";

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

/**
 * One flow as a transfer impact assessment needs it (from `/api/reports/tia` or a pack's flows): a vendor flow, or a
 * flow into another of our systems (`to: "system"`), whose recipient is that system (`vendorName`), the data importer
 * its legal entity (`flow.legalName`) and its places the legal entity's country and the hosting countries its
 * inventory states.
 */
export const TiaFlowSchema = z.object({
  to: z.enum(["vendor", "system"]).default("vendor"),
  /** A flow into a system of ours: whether that system is loaded (when not, its owner and countries are unknown). */
  loaded: z.boolean().default(true),
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

/** A flow into another of our systems with its target's legal entity and hosting countries (`cypher/reports/system-flows`). */
export const SystemFlowFactsSchema = z.object({
  flow: z.string(),
  system: z.string(),
  systemName: z.string(),
  target: z.string(),
  /** Null: the target system is not loaded. */
  targetName: s,
  legalName: s,
  entityCountry: s,
  hostingCountries: z.array(z.string()),
  purpose: s,
  /** The stored status; null while the target is not loaded. */
  transfer: TransferStatusSchema.nullish().transform((v) => v ?? null),
  mechanism: MechanismSchema.nullish().transform((v) => v ?? null),
  fields: z.array(z.object({ field: z.string(), stated: z.boolean() })),
  categories: z.array(z.string()),
});
export type SystemFlowFacts = z.infer<typeof SystemFlowFactsSchema>;

/**
 * A flow into another of our systems as its transfer impact assessment reads it: the importer is the target's legal
 * entity, its places the entity's country and the hosting countries (named by `countryName`); a target not loaded has
 * no known place, and its status, which the graph does not hold yet, reads as not stated: unknown, never safe.
 */
export function systemTiaFlow(f: SystemFlowFacts, countryName: (code: string) => string): TiaFlow {
  const place = (type: "LOCATED_IN" | "STORES_DATA_IN", code: string) => ({ type, code, name: countryName(code) });
  return {
    to: "system",
    loaded: f.targetName !== null,
    system: f.system,
    systemName: f.systemName,
    vendorName: f.targetName ?? f.target,
    flow: { flow: f.flow, service: null, purpose: f.purpose, role: null, legalName: f.legalName, mechanism: f.mechanism, transfer: f.transfer ?? "not-stated" },
    // A field a category-scoped copy carries is inferred, and says so.
    fields: f.fields.map((x) => (x.stated ? x.field : `${x.field} [${citation(SAME_CATEGORY)}]`)).sort(),
    categories: [...f.categories].sort(),
    places: [...(f.entityCountry ? [place("LOCATED_IN", f.entityCountry)] : []), ...f.hostingCountries.map((c) => place("STORES_DATA_IN", c))],
  };
}

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

  /** Flows into our other systems, by id (those not stated by any loaded system are left out). */
  async systemFlows(flows: string[]): Promise<SystemFlowFacts[]> {
    if (flows.length === 0) return [];
    return z.array(SystemFlowFactsSchema).parse(await this.graph.read("reports/system-flows", { flows }));
  }
}
