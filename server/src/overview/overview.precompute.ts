/**
 * The overview is static between loads: each system's row (its table count, its engagements with their transfer
 * statuses, services and places) and the flows it states into our other systems are computed once, at the end of
 * every load, in the load's own transaction, and stored as `(:SystemSummary)` nodes (no `Node` label: searches,
 * traces and counts never see them). The API then reads them in O(systems + vendors) (overview.repository.ts).
 * Every row is recomputed on each load: a shared vendor's facts and a flow's target come from other systems' files.
 */
import type { ManagedTransaction } from "neo4j-driver";
import { z } from "zod";

import { OverviewRowSchema, OverviewSystemFlowSchema, type OverviewSystemFlow } from "./overview.repository.js";
import { cypher } from "../db/cypher.js";
import { toPlain } from "../db/graph.js";

async function rows<T extends z.ZodType>(tx: ManagedTransaction, query: string, schema: T): Promise<z.infer<T>[]> {
  const res = await tx.run(cypher(query), { systems: null });
  return z.array(schema).parse(res.records.map((r) => toPlain(r.toObject())));
}

/** Writes every system's overview summary from the graph as this transaction sees it (its own writes included). */
export async function writeOverviewSummaries(tx: ManagedTransaction): Promise<void> {
  const systems = await rows(tx, "overview/systems", OverviewRowSchema);
  const flows = await rows(tx, "overview/system-flows", OverviewSystemFlowSchema);
  const flowsOf = new Map<string, OverviewSystemFlow[]>();
  for (const f of flows) flowsOf.set(f.system, [...(flowsOf.get(f.system) ?? []), f]);
  await tx.run(cypher("seed/overview-summaries"), {
    rows: systems.map((r, position) => ({ system: r.system.system, position, overview: JSON.stringify(r), flows: JSON.stringify(flowsOf.get(r.system.system) ?? []) })),
  });
}
