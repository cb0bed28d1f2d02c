/**
 * Runs `where/*` and checks the rows it returns. Each list of the checklist is read by its own query from the question
 * itself (a category or a subject, optionally one system): the columns, tables and referencing tables a page at a
 * time (the cap in the query), the sources and vendor flows whole (one row per column they write or receive).
 */
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
const TableNode = Stored.extend({ title: z.string().nullable(), identity: z.array(z.string()).nullable().default(null) }).extend(Erasure.shape);

/** `where/columns`: one column asked about, with its table and category. */
export const ColumnRowSchema = z.object({
  column: Stored.extend({ table: z.string(), columnKind: z.string() }).extend(Erasure.shape),
  table: TableNode,
  category: Props.nullable(),
});
/** `where/tables`: one table holding columns asked about, with those columns (name, own erasure action). */
export const TableRowSchema = z.object({
  table: TableNode,
  columns: z.array(z.object({ name: z.string(), prov: Prov }).extend(Erasure.shape)),
});
/** `where/referencing`: one table referencing a table that holds columns asked about. */
export const ReferencingRowSchema = z.object({
  references: z.string(),
  referencesName: z.string(),
  table: Stored.extend({ title: z.string().nullable() }).extend(Erasure.shape),
  columns: z.array(z.string()),
  prov: Prov,
});
/** `where/writers`: one way a source writes one column asked about (`source` null: a copy whose source is not loaded). */
export const WriterRowSchema = z.object({ column: z.string(), source: Stored.nullable(), how: z.enum(["fills", "feeds", "copies"]), from: z.string().nullable().optional(), prov: Prov });
/** `where/sends`: one column asked about going to one vendor flow. */
export const SendRowSchema = z.object({ column: z.string(), vendor: Props, flow: z.string(), prov: Prov });
/** `where/flows`: one engagement, read once however many columns it receives. */
export const FlowRowSchema = z.object({
  vendor: z.string(),
  flow: EngagementRowSchema.extend({ privacyContact: z.string().nullable().default(null), prov: Prov }),
  places: z.array(z.object({ type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]), location: z.object({ code: z.string(), name: z.string(), eea: z.boolean() }) })),
});
export type ColumnRow = z.infer<typeof ColumnRowSchema>;
export type TableRow = z.infer<typeof TableRowSchema>;
export type ReferencingRow = z.infer<typeof ReferencingRowSchema>;
export type WriterRow = z.infer<typeof WriterRowSchema>;
export type SendRow = z.infer<typeof SendRowSchema>;
export type FlowRow = z.infer<typeof FlowRowSchema>;

const AskedSchema = z.object({ node: Props.extend({ system: z.string().nullable() }) });
const CountsSchema = z.object({ total: z.coerce.number(), tables: z.coerce.number(), referencing: z.coerce.number() });

/** The question every where/* query answers: a category or a subject (the other null), optionally in one system. */
export type Asked = { category: string | null; subject: string | null; system: string | null };
/** The lists of the checklist read a page at a time. */
export type PagedList = "columns" | "tables" | "referencing";

export class WhereRepository {
  constructor(private readonly graph: Graph) {}

  async asked(id: string) {
    const rows = await this.graph.read("where/asked", { id });
    return rows[0] ? AskedSchema.parse(rows[0]).node : null;
  }

  /** `limit` columns after the first `skip`, in checklist order (system, table, position): the cap is in the query. */
  async columnPage(params: Asked, skip: number, limit: number): Promise<ColumnRow[]> {
    return (await this.graph.read("where/columns", { ...params, skip, limit })).map((r) => ColumnRowSchema.parse(r));
  }

  /** `limit` tables after the first `skip`, in checklist order (system, name), each with the columns asked about in it. */
  async tablePage(params: Asked, skip: number, limit: number): Promise<TableRow[]> {
    return (await this.graph.read("where/tables", { ...params, skip, limit })).map((r) => TableRowSchema.parse(r));
  }

  /** `limit` referencing tables after the first `skip`, in checklist order (system, name, referenced table). */
  async referencingPage(params: Asked, skip: number, limit: number): Promise<ReferencingRow[]> {
    return (await this.graph.read("where/referencing", { ...params, skip, limit })).map((r) => ReferencingRowSchema.parse(r));
  }

  /** How many columns, tables and referencing tables the question has: the totals its pages are parts of. */
  async counts(params: Asked): Promise<Record<PagedList, number>> {
    const [row] = await this.graph.read("where/count", params);
    const c = CountsSchema.parse(row ?? { total: 0, tables: 0, referencing: 0 });
    return { columns: c.total, tables: c.tables, referencing: c.referencing };
  }

  /** Every way a source writes a column asked about. */
  async writers(params: Asked): Promise<WriterRow[]> {
    return (await this.graph.read("where/writers", params)).map((r) => WriterRowSchema.parse(r));
  }

  /** Every column asked about that a vendor flow receives, and each of those engagements once. */
  async sends(params: Asked): Promise<{ sends: SendRow[]; flows: FlowRow[] }> {
    const sends = (await this.graph.read("where/sends", params)).map((r) => SendRowSchema.parse(r));
    const wanted = new Map(sends.map((r) => [`vendor:${r.vendor.key}|${r.flow}`, { vendor: `vendor:${r.vendor.key}`, flow: r.flow }]));
    const flows = wanted.size > 0 ? (await this.graph.read("where/flows", { flows: [...wanted.values()] })).map((r) => FlowRowSchema.parse(r)) : [];
    return { sends, flows };
  }
}
