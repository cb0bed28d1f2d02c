/** Runs the `trace/*` queries (flat rows) and checks them: the services work on parsed values, never on casts. */
import { z } from "zod";

import { MechanismSchema, TransferStatusSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import { EngagementRowSchema } from "../transfers/engagement.row.js";

const Props = z.object({ kind: z.string(), key: z.string(), name: z.string() }).catchall(z.unknown());
/** Where a relationship is stated (`file:line…`, see `elements/provenance.ts`); absent for an inventory built in memory. */
const At = z.array(z.string()).nullable().optional();
/** Where OpenLineage run events saw a relationship (`elements/provenance.ts` cites it as `observed`); null for a stated one. */
const Seen = { observedJob: z.string().nullish(), observedRunId: z.string().nullish(), observedEventTime: z.string().nullish() };
const Edge = z.object({ source: z.string(), target: z.string(), type: z.string(), at: At, suggested: z.boolean().nullable().optional(), ...Seen });

export const TraceSendSchema = z.object({
  column: Props.extend({ system: z.string(), table: z.string(), columnKind: z.string() }),
  category: Props.nullable(),
  vendor: Props,
  /** Where the inventory states that this column goes to this vendor. */
  at: At,
  flow: EngagementRowSchema.extend({ vendorName: z.string().nullable(), at: At }),
  places: z.array(
    z.object({
      type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]),
      transfer: TransferStatusSchema,
      at: At,
      location: Props.extend({ code: z.string(), eea: z.boolean() }),
    }),
  ),
});

/** A flow into another of our systems stated by a system the trace reaches (cypher/trace/system-flows). */
export const TraceSystemFlowSchema = z.object({
  flow: z.string(),
  via: z.string(),
  name: z.string(),
  system: z.string(),
  target: z.string(),
  /** Null: the target system is not loaded. */
  targetName: z.string().nullable(),
  transfer: TransferStatusSchema.nullable(),
  /** The safeguard the owner states for it; null: not documented. */
  mechanism: MechanismSchema.nullish().transform((v) => v ?? null),
  categories: z.array(z.string()),
  /** The copies as stated (JSON): `[{from, to, columns}]`. */
  copies: z.string(),
  /** Where the flow is stated. */
  at: z.array(z.string()).nullable().optional(),
  /** The target's tables the copies land in (loaded). */
  linkedTables: z.array(z.string()),
});
export type TraceSystemFlow = z.infer<typeof TraceSystemFlowSchema>;

export const TraceRowSchema = z.object({
  start: Props.extend({ system: z.string().nullable() }),
  startColumns: z.array(z.string()),
  startEdges: z.array(Edge),
  startTables: z.array(Props.extend({ system: z.string(), title: z.string().nullable() })),
  columns: z.array(Props.extend({ system: z.string(), table: z.string(), category: z.string().nullable() })),
  /** Copies column to column: `stated` (the inventory maps them) or `category` (the columns a category-scoped copy may land in). */
  copies: z.array(Edge.omit({ type: true, suggested: true }).extend({ via: z.string(), viaName: z.string().nullable(), mapping: z.enum(["stated", "category"]), categoryName: z.string().nullable() })),
  sends: z.array(TraceSendSchema),
  /** From a system: its engagements whose inventory names no field they receive. */
  silent: z.array(TraceSendSchema.omit({ column: true, category: true, at: true })),
  /** Flows into our other systems stated by the systems the trace reaches (added by the repository; none by default). */
  systemFlows: z.array(TraceSystemFlowSchema).optional(),
});


export type TraceSend = z.infer<typeof TraceSendSchema>;
/** A flow whose fields the inventory does not state: a send without a column. */
export type TraceSilent = TraceRow["silent"][number];
export type TraceRow = z.infer<typeof TraceRowSchema>;

/** `trace/start-columns`: one start column, the start table it is reached through, the start edges leading to it. */
const StartColumnRowSchema = z.object({ column: z.string(), table: Props.extend({ system: z.string(), title: z.string().nullable() }).nullable(), edges: z.array(Edge) });
/** `trace/reach`: one reached column with its copies out and its flows to vendors (ids). */
const ReachRowSchema = z.object({
  column: Props.extend({ system: z.string(), table: z.string(), columnKind: z.string(), category: z.string().nullable() }),
  category: Props.nullable(),
  copies: z.array(z.object({ target: z.string(), via: z.string(), mapping: z.enum(["stated", "category"]), at: At, ...Seen })),
  sends: z.array(z.object({ vendor: z.string(), flow: z.string(), at: At })),
});
/** `trace/flows`: an engagement (with its vendor and places), or a copying source's name. */
const FlowRowSchema = z.union([
  TraceSendSchema.pick({ vendor: true, flow: true, places: true }).extend({ silent: z.boolean(), via: z.null() }),
  z.object({ silent: z.null(), via: z.object({ id: z.string(), name: z.string() }) }),
]);
export type StartColumnRow = z.infer<typeof StartColumnRowSchema>;
export type ReachRow = z.infer<typeof ReachRowSchema>;
export type FlowRow = z.infer<typeof FlowRowSchema>;

/**
 * Pure: the flat rows of `trace/start`, `trace/start-columns`, `trace/reach` and `trace/flows` → the raw reach the
 * assembler reads. Each engagement was read once; here it is joined to every field that flows through it. A send
 * whose engagement is not found is dropped, as the single query it replaces dropped it (a loader bug otherwise).
 */
export function joinTraceRows(start: TraceRow["start"], starts: StartColumnRow[], reach: ReachRow[], flows: FlowRow[]): Omit<TraceRow, "systemFlows"> {
  const startColumns = [...new Set(starts.map((r) => r.column))];
  const startTables = [...new Map(starts.flatMap((r) => (r.table ? [[`${r.table.kind}:${r.table.key}`, r.table] as const] : []))).values()];
  const reached = new Set(reach.map((r) => `${r.column.kind}:${r.column.key}`));
  const engagements = new Map<string, FlowRow[]>();
  const viaNames = new Map<string, string>();
  const silent: TraceRow["silent"] = [];
  for (const f of flows) {
    if (f.via) viaNames.set(f.via.id, f.via.name);
    else if (f.silent) silent.push({ vendor: f.vendor, flow: f.flow, places: f.places });
    else {
      const key = `vendor:${f.vendor.key}|${f.flow.flow}`;
      engagements.set(key, [...(engagements.get(key) ?? []), f]);
    }
  }
  const copies: TraceRow["copies"] = [];
  const sends: TraceSend[] = [];
  for (const r of reach) {
    const id = `${r.column.kind}:${r.column.key}`;
    for (const k of r.copies) {
      if (!reached.has(k.target)) continue;
      copies.push({ ...k, source: id, viaName: viaNames.get(k.via) ?? null, categoryName: r.category?.name ?? null });
    }
    const { category: _key, ...column } = r.column;
    for (const s of r.sends) {
      for (const e of engagements.get(`${s.vendor}|${s.flow}`) ?? []) {
        if (e.via) continue;
        sends.push({ column: { kind: column.kind, key: column.key, name: column.name, system: column.system, table: column.table, columnKind: column.columnKind }, category: r.category, vendor: e.vendor, at: s.at, flow: e.flow, places: e.places });
      }
    }
  }
  return { start, startColumns, startEdges: starts.flatMap((r) => r.edges), startTables, columns: reach.map((r) => r.column), copies, sends, silent };
}

export class TraceRepository {
  constructor(private readonly graph: Graph) {}

  /** The raw reach of a trace from `from`, read as flat rows (no query builds one nested answer), or null: no such node. */
  async downstream(from: string): Promise<TraceRow | null> {
    // The start and its columns in one round trip.
    const startRows = await this.graph.read("trace/start-columns", { from });
    if (!startRows[0]) return null;
    const start = TraceRowSchema.shape.start.parse(startRows[0].start);
    const starts = startRows.filter((r) => r.column !== null).map((r) => StartColumnRowSchema.parse(r));
    const ids = [...new Set(starts.map((r) => r.column))];
    const reach = ids.length > 0 ? (await this.graph.read("trace/reach", { ids })).map((r) => ReachRowSchema.parse(r)) : [];
    const flows = new Map<string, { vendor: string; flow: string }>();
    const vias = new Set<string>();
    for (const r of reach) {
      for (const s of r.sends) flows.set(`${s.vendor}|${s.flow}`, { vendor: s.vendor, flow: s.flow });
      for (const k of r.copies) vias.add(k.via);
    }
    const system = start.kind === "system" ? from : null;
    const systems = [...new Set([...(start.system ? [start.system] : []), ...reach.map((r) => r.column.system)])];
    // Both read only what the reach names: asked together, one round trip's wait instead of two.
    const [flowRows, systemFlows] = await Promise.all([
      flows.size + vias.size > 0 || system ? this.graph.read("trace/flows", { flows: [...flows.values()], vias: [...vias], system }) : [],
      systems.length > 0 ? this.graph.read("trace/system-flows", { systems }) : [],
    ]);
    const row = joinTraceRows(start, starts, reach, flowRows.map((r) => FlowRowSchema.parse(r)));
    return { ...row, systemFlows: systemFlows.map((f) => TraceSystemFlowSchema.parse(f)) };
  }
}
