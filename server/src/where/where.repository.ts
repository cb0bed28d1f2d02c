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

/** The question every where/* query answers: a category or a subject (the other null), optionally in one system. */
export type Asked = { category: string | null; subject: string | null; system: string | null };
/** The lists of the checklist read a page at a time. */
export type PagedList = "columns" | "tables" | "referencing";
/** A page of one of them: its rows, and how many the whole list holds. */
export interface Page<R> {
  rows: R[];
  total: number;
}

export class WhereRepository {
  constructor(private readonly graph: Graph) {}

  async asked(id: string) {
    const rows = await this.graph.read("where/asked", { id });
    return rows[0] ? AskedSchema.parse(rows[0]).node : null;
  }

  /** `limit` columns after the first `skip`, in checklist order (system, table, position), and how many there are: the cap is in the query. */
  async columnPage(params: Asked, skip: number, limit: number): Promise<Page<ColumnRow>> {
    return this.page("where/columns", params, skip, limit, "column", ColumnRowSchema);
  }

  /** `limit` tables after the first `skip`, in checklist order (system, name), each with the columns asked about in it, and how many there are. */
  async tablePage(params: Asked, skip: number, limit: number): Promise<Page<TableRow>> {
    return this.page("where/tables", params, skip, limit, "table", TableRowSchema);
  }

  /** `limit` referencing tables after the first `skip`, in checklist order (system, name, referenced table), and how many there are. */
  async referencingPage(params: Asked, skip: number, limit: number): Promise<Page<ReferencingRow>> {
    return this.page("where/referencing", params, skip, limit, "table", ReferencingRowSchema);
  }

  /**
   * One page of a list and its total, from the list's own query: every row carries the total, and a page past the end
   * (or of an empty list) is one row whose item (`item`) is null, so the total is known without a second query.
   */
  private async page<R>(query: "where/columns" | "where/tables" | "where/referencing", params: Asked, skip: number, limit: number, item: string, schema: z.ZodType<R>): Promise<Page<R>> {
    const rows = await this.graph.read(query, { ...params, skip, limit });
    const total = z.coerce.number().parse(rows[0]?.total ?? 0);
    return { rows: rows.filter((r) => r[item] !== null).map((r) => schema.parse(r)), total };
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
