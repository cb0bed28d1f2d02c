/** Runs `where/*` and checks the rows it returns. */
import { z } from "zod";

import type { Graph } from "../db/graph.js";
import { EngagementRowSchema } from "../transfers/engagement.row.js";

const Props = z.object({ kind: z.string(), key: z.string(), name: z.string() });
const Scoped = Props.extend({ system: z.string() });

export const WhereRowSchema = z.object({
  column: Scoped.extend({ table: z.string(), columnKind: z.string() }),
  table: Scoped.extend({ title: z.string().nullable() }),
  category: Props.nullable(),
  referencedBy: z.array(z.object({ table: Scoped.extend({ title: z.string().nullable() }), columns: z.array(z.string()) })),
  writers: z.array(z.object({ source: Scoped.nullable(), how: z.enum(["fills", "feeds", "copies"]), from: z.string().optional() })),
  sends: z.array(
    z.object({
      vendor: Props,
      flow: EngagementRowSchema.nullable(),
      places: z.array(z.object({ type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]), location: z.object({ code: z.string(), name: z.string(), eea: z.boolean() }) })),
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
