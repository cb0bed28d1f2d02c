/** Runs `trace/downstream` and checks its row: the services work on parsed values, never on casts. */
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

export class TraceRepository {
  constructor(private readonly graph: Graph) {}

  async downstream(from: string): Promise<TraceRow | null> {
    const rows = await this.graph.read("trace/downstream", { from });
    if (!rows[0]) return null;
    const row = TraceRowSchema.parse(rows[0]);
    const systems = [...new Set([...(row.start.system ? [row.start.system] : []), ...row.columns.map((c) => c.system)])];
    const flows = systems.length > 0 ? await this.graph.read("trace/system-flows", { systems }) : [];
    return { ...row, systemFlows: flows.map((f) => TraceSystemFlowSchema.parse(f)) };
  }
}
