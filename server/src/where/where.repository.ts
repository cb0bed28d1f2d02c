/** Runs `where/*` and checks the rows it returns. */
import { z } from "zod";

import type { Graph } from "../db/graph.js";
import { EngagementRowSchema } from "../transfers/engagement.row.js";

const Props = z.object({ kind: z.string(), key: z.string(), name: z.string() });
/** The stored properties a fact's provenance is read from (`at`, …), converted by `elements/provenance.ts`. */
const Prov = z.record(z.string(), z.unknown()).nullable().default(null);
const Scoped = Props.extend({ system: z.string() });
const Stored = Scoped.extend({ prov: Prov });

/** What an erasure request does, as stated on a table or column node (all null: not stated). */
const Erasure = z.object({
  erasureAction: z.enum(["erase", "anonymise", "keep"]).nullable().default(null),
  erasureReason: z.string().nullable().default(null),
  erasureRetention: z.string().nullable().default(null),
});

export const WhereRowSchema = z.object({
  column: Stored.extend({ table: z.string(), columnKind: z.string() }).extend(Erasure.shape),
  table: Stored.extend({ title: z.string().nullable(), identity: z.array(z.string()).nullable().default(null) }).extend(Erasure.shape),
  category: Props.nullable(),
  referencedBy: z.array(z.object({ table: Stored.extend({ title: z.string().nullable() }).extend(Erasure.shape), columns: z.array(z.string()), prov: Prov })),
  writers: z.array(z.object({ source: Stored.nullable(), how: z.enum(["fills", "feeds", "copies"]), from: z.string().optional(), prov: Prov })),
  sends: z.array(
    z.object({
      vendor: Props,
      flow: EngagementRowSchema.extend({ privacyContact: z.string().nullable().default(null), prov: Prov }).nullable(),
      places: z.array(z.object({ type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]), location: z.object({ code: z.string(), name: z.string(), eea: z.boolean() }) })),
      prov: Prov,
    }),
  ),
});
export type WhereRow = z.infer<typeof WhereRowSchema>;

const AskedSchema = z.object({ node: Props.extend({ system: z.string().nullable() }) });

export class WhereRepository {
  constructor(private readonly graph: Graph) {}

  async asked(id: string) {
    const rows = await this.graph.read("where/asked", { id });
    return rows[0] ? AskedSchema.parse(rows[0]).node : null;
  }

  async columns(params: { category: string | null; subject: string | null; system: string | null }): Promise<WhereRow[]> {
    const rows = await this.graph.read("where/columns", params);
    return rows.map((r) => WhereRowSchema.parse(r));
  }
}
