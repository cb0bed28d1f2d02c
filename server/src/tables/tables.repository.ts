import { z } from "zod";

import type { Graph } from "../db/graph.js";
import { NodePropsSchema } from "../node.row.js";

const Ref = NodePropsSchema.pick({ kind: true, key: true, name: true });

const TableNodeSchema = NodePropsSchema.extend({
  system: z.string(),
  title: z.string().nullable(),
  entityKind: z.enum(["table", "logical", "mentioned"]),
  description: z.string().nullable().optional(),
});
export type TableNode = z.infer<typeof TableNodeSchema>;

const ColumnRowSchema = NodePropsSchema.extend({
  columnKind: z.enum(["personal", "system", "reference"]),
  categoryLabel: z.string().nullable(),
  description: z.string().nullable(),
  category: Ref.nullable(),
  purposes: z.array(Ref),
  references: z.array(z.string()),
  vendors: z.array(Ref),
  sources: z.array(Ref),
});
export type ColumnRow = z.infer<typeof ColumnRowSchema>;

const TableRowSchema = z.object({
  table: TableNodeSchema,
  systemName: z.string(),
  columns: z.array(ColumnRowSchema),
  sources: z.array(Ref.extend({ description: z.string().nullable(), copiesFrom: z.array(z.string()) })),
  subjects: z.array(Ref),
});
export type TableRow = z.infer<typeof TableRowSchema>;

const ReferencedByRowSchema = z.object({
  table: TableNodeSchema,
  referencedBy: z.array(
    z.object({ table: TableNodeSchema, columns: z.array(z.string()), forms: z.array(z.enum(["outgoing", "incoming"])), description: z.string().nullable(), at: z.array(z.string()).nullable() }),
  ),
});
export type ReferencedByRow = z.infer<typeof ReferencedByRowSchema>;

const TableListRowSchema = z.object({ total: z.number(), table: TableNodeSchema, systemName: z.string(), columns: z.number(), personalColumns: z.number(), referencedBy: z.number() });
export type TableListRow = z.infer<typeof TableListRowSchema>;

const ResolveRows = z.array(z.object({ id: z.string(), system: z.string() }));

export class TablesRepository {
  constructor(private readonly graph: Graph) {}

  /** A page of the list: up to `limit + 1` rows after `after` (the last row's [system, name]), each with the list's total. */
  async list(system: string | null, systems: string[] | null, limit: number, after: string[] | null): Promise<TableListRow[]> {
    return z.array(TableListRowSchema).parse(await this.graph.read("tables/list", { system, systems, limit, after }));
  }

  /** The ids of the tables a name stands for (one system's, or every system's with that name). */
  async resolve(name: string, system: string | null): Promise<{ id: string; system: string }[]> {
    return ResolveRows.parse(await this.graph.read("tables/resolve", { name, system }));
  }

  async table(id: string): Promise<TableRow | null> {
    const rows = await this.graph.read("tables/table", { id });
    return rows[0] ? TableRowSchema.parse(rows[0]) : null;
  }

  async referencedBy(id: string): Promise<ReferencedByRow | null> {
    const rows = await this.graph.read("tables/referenced-by", { id });
    return rows[0] ? ReferencedByRowSchema.parse(rows[0]) : null;
  }
}
