import { z } from "zod";

import { MechanismSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";

const Ref = z.object({ kind: z.string(), key: z.string(), name: z.string() });

export const TransferRowSchema = z.object({
  total: z.number(),
  /** Where the flow goes: a vendor, or another of our systems (its places are then codes only, named from the catalogue). */
  to: z.enum(["vendor", "system"]),
  flow: z.object({ flow: z.string(), service: z.string().nullable(), purpose: z.string(), transfer: z.enum(["third-country", "not-stated"]), mechanism: MechanismSchema.nullable() }),
  system: z.object({ system: z.string(), name: z.string() }),
  vendor: Ref,
  categories: z.array(Ref),
  places: z.array(z.object({ type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]), location: z.object({ code: z.string(), name: z.string(), eea: z.boolean() }) })),
});
export type TransferRow = z.infer<typeof TransferRowSchema>;

export class TransfersRepository {
  constructor(private readonly graph: Graph) {}

  /** A page: up to `limit + 1` flows after `after` (the last row's [system name, vendor name, flow]), each with the list's total. */
  async needingSafeguards(limit: number, after: string[] | null): Promise<TransferRow[]> {
    return z.array(TransferRowSchema).parse(await this.graph.read("transfers/list", { limit, after }));
  }
}
