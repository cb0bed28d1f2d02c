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

  /**
   * Every column asked about, with what references, writes and receives it: read as flat rows (the columns, then the
   * references of their tables, their writers, their flows and each engagement once) and joined here.
   */
  async columns(params: Asked): Promise<WhereRow[]> {
    const base = await this.columnPage(params, 0, EVERY);
    if (base.length === 0) return [];
    const columnIds = base.map((r) => `${r.column.kind}:${r.column.key}`);
    const tableIds = [...new Set(base.map((r) => `${r.table.kind}:${r.table.key}`))];
    const [refs, writers, sends] = await Promise.all([
      this.graph.read("where/referencing", { ids: tableIds }),
      this.graph.read("where/writers", { ids: columnIds }),
      this.graph.read("where/sends", { ids: columnIds }),
    ]);
    const sendRows = sends.map((r) => SendRowSchema.parse(r));
    const wanted = new Map(sendRows.map((r) => [`vendor:${r.vendor.key}|${r.flow}`, { vendor: `vendor:${r.vendor.key}`, flow: r.flow }]));
    const flows = wanted.size > 0 ? (await this.graph.read("where/flows", { flows: [...wanted.values()] })).map((r) => FlowRowSchema.parse(r)) : [];
    return joinWhereRows(
      base,
      refs.map((r) => RefRowSchema.parse(r)),
      writers.map((r) => WriterRowSchema.parse(r)),
      sendRows,
      flows,
    );
  }

  /** `limit` columns after the first `skip`, in checklist order, without what references, writes or receives them: the cap is in the query. */
  async columnPage(params: Asked, skip: number, limit: number): Promise<WhereRow[]> {
    const rows = (await this.graph.read("where/columns", { ...params, skip, limit })).map((r) => BaseRowSchema.parse(r));
    return rows.map((r) => ({ ...r, referencedBy: [], writers: [], sends: [] }));
  }

  async columnCount(params: Asked): Promise<number> {
    const [row] = await this.graph.read("where/count", params);
    return Number(row?.total ?? 0);
  }
}

type Asked = { category: string | null; subject: string | null; system: string | null };
/** No page: every column (the query's LIMIT takes an integer). */
const EVERY = 2 ** 31 - 1;

const BaseRowSchema = WhereRowSchema.pick({ column: true, table: true, category: true });
const RefRowSchema = WhereRowSchema.shape.referencedBy.element.extend({ references: z.string() });
const WriterRowSchema = WhereRowSchema.shape.writers.element.extend({ column: z.string(), from: z.string().nullable().optional() });
const SendRowSchema = z.object({ column: z.string(), vendor: Props, flow: z.string(), prov: Prov });
const FlowRowSchema = z.object({ vendor: z.string(), flow: EngagementRowSchema.extend({ privacyContact: z.string().nullable().default(null), prov: Prov }), places: WhereRowSchema.shape.sends.element.shape.places });

/** Pure: the flat rows of where/* → one row per column with its references, writers and flows (each engagement joined to every column it receives). */
export function joinWhereRows(
  base: z.infer<typeof BaseRowSchema>[],
  refs: z.infer<typeof RefRowSchema>[],
  writers: z.infer<typeof WriterRowSchema>[],
  sends: z.infer<typeof SendRowSchema>[],
  flows: z.infer<typeof FlowRowSchema>[],
): WhereRow[] {
  const group = <T>(rows: T[], key: (r: T) => string) => {
    const m = new Map<string, T[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r]);
    return m;
  };
  const refsOf = group(refs, (r) => r.references);
  const writersOf = group(writers, (r) => r.column);
  const sendsOf = group(sends, (r) => r.column);
  const flowOf = new Map(flows.map((f) => [`${f.vendor}|${f.flow.flow}`, f]));
  return base.map((r) => ({
    ...r,
    referencedBy: (refsOf.get(`${r.table.kind}:${r.table.key}`) ?? []).map(({ references: _r, ...ref }) => ref),
    writers: (writersOf.get(`${r.column.kind}:${r.column.key}`) ?? []).map(({ column: _c, from, ...w }) => ({ ...w, ...(from ? { from } : {}) })),
    sends: (sendsOf.get(`${r.column.kind}:${r.column.key}`) ?? []).map((s) => {
      const f = flowOf.get(`vendor:${s.vendor.key}|${s.flow}`);
      return { vendor: s.vendor, flow: f?.flow ?? null, places: f?.places ?? [], prov: s.prov };
    }),
  }));
}
