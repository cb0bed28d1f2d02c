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

/** The overview's rows, as one request reads them. */
export interface OverviewSource {
  /** `systems` null: every loaded system. */
  systems(systems: string[] | null): OverviewRow[] | Promise<OverviewRow[]>;
  /** The flows into our other systems the given systems (null: every one) state. */
  systemFlows(systems: string[] | null): OverviewSystemFlow[] | Promise<OverviewSystemFlow[]>;
}

/** Where a request's overview rows come from: the summaries the last load stored, or the graph itself. */
export interface OverviewRows {
  snapshot(): Promise<OverviewSource>;
}

const SummarySchema = z.object({ seq: z.number().nullable(), system: z.string().nullable(), overview: z.string().nullable(), flows: z.string().nullable() });
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Computes the overview's rows from the graph: what a load stores as summaries (overview.precompute.ts), and the check of them. */
export class LiveOverviewRepository implements OverviewRows, OverviewSource {
  constructor(private readonly graph: Graph) {}

  snapshot(): Promise<OverviewSource> {
    return Promise.resolve(this);
  }

  async systems(systems: string[] | null): Promise<OverviewRow[]> {
    return z.array(OverviewRowSchema).parse(await this.graph.read("overview/systems", { systems }));
  }

  async systemFlows(systems: string[] | null): Promise<OverviewSystemFlow[]> {
    return z.array(OverviewSystemFlowSchema).parse(await this.graph.read("overview/system-flows", { systems }));
  }
}

/**
 * Reads the summaries the last load stored, in one query per request: one row per system, so the overview costs
 * O(systems + vendors) whatever the number of columns. A database no load of this version has summarised (loaded
 * by an older one) is read live instead.
 */
export class OverviewRepository implements OverviewRows {
  private readonly live: LiveOverviewRepository;

  constructor(private readonly graph: Graph) {
    this.live = new LiveOverviewRepository(graph);
  }

  /** The summaries as parsed at one load sequence: they change only with a load, so a load's requests parse them once. */
  private kept: { seq: number; source: OverviewSource } | null = null;

  async snapshot(): Promise<OverviewSource> {
    // The request has read the sequence already (its answer cache did): the same number means the same summaries,
    // since a load writes them in the transaction that moves it.
    const seq = await this.graph.loadSequence();
    if (this.kept && this.kept.seq === seq) return this.kept.source;
    const rows = z.array(SummarySchema).parse(await this.graph.read("overview/summaries"));
    const stored = rows[0]?.seq;
    if (stored === null || stored === undefined) return this.live;
    // Frozen: every request of this load reads the same rows, so none may change them.
    const summaries = deepFreeze(
      rows.flatMap((r) =>
        r.system && r.overview && r.flows
          ? [{ system: r.system, overview: OverviewRowSchema.parse(JSON.parse(r.overview)), flows: z.array(OverviewSystemFlowSchema).parse(JSON.parse(r.flows)) }]
          : [],
      ),
    );
    const chosen = (systems: string[] | null) => summaries.filter((s) => !systems || systems.includes(s.system));
    const source: OverviewSource = {
      systems: (systems) => chosen(systems).map((s) => s.overview),
      systemFlows: (systems) =>
        chosen(systems)
          .flatMap((s) => s.flows)
          .sort((a, b) => byCode(a.flow, b.flow)),
    };
    // Kept only when the summaries are those of the sequence this request read (a load may have committed between).
    if (stored === seq) this.kept = { seq, source };
    return source;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
