import { z } from "zod";

import { MechanismSchema, TransferStatusSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";

const Props = z.object({ kind: z.string(), key: z.string(), name: z.string() }).catchall(z.unknown());

export const OverviewRowSchema = z.object({
  system: Props.extend({ system: z.string() }),
  tables: z.number(),
  vendors: z.array(
    z.object({
      vendor: Props,
      services: z.array(z.string()),
      flows: z.array(
        z.object({ transfer: TransferStatusSchema, mechanism: MechanismSchema.nullable(), entityCountry: z.string().nullable(), dataCountries: z.array(z.string()), at: z.array(z.string()).nullable() }),
      ),
      places: z.array(
        z.object({
          type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]),
          transfer: TransferStatusSchema,
          at: z.array(z.string()).nullable(),
          location: Props.extend({ code: z.string(), eea: z.boolean() }),
        }),
      ),
    }),
  ),
});
export type OverviewRow = z.infer<typeof OverviewRowSchema>;

/** A flow into another of our systems (cypher/overview/system-flows). */
export const OverviewSystemFlowSchema = z.object({
  flow: z.string(),
  system: z.string(),
  target: z.string(),
  targetName: z.string().nullable(),
  transfer: TransferStatusSchema.nullable(),
  categories: z.array(z.string()),
  tables: z.number(),
});
export type OverviewSystemFlow = z.infer<typeof OverviewSystemFlowSchema>;

export class OverviewRepository {
  constructor(private readonly graph: Graph) {}

  /** `systems` null: every loaded system. */
  async systems(systems: string[] | null): Promise<OverviewRow[]> {
    return z.array(OverviewRowSchema).parse(await this.graph.read("overview/systems", { systems }));
  }

  /** The flows into our other systems the given systems (null: every one) state. */
  async systemFlows(systems: string[] | null): Promise<OverviewSystemFlow[]> {
    return z.array(OverviewSystemFlowSchema).parse(await this.graph.read("overview/system-flows", { systems }));
  }
}
