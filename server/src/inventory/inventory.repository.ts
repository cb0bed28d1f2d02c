/** Writes graph rows to Neo4j. Each call is one write transaction: all of it commits, or none of it. */
import type { ManagedTransaction } from "neo4j-driver";

import { copiedColumns, REL_TYPES, type GraphRows, type Props, type RelRow } from "./inventory.graph.js";
import type { Catalogue } from "./inventory.parse.js";
import type { Entity, Mechanism } from "./inventory.schema.js";
import { ids, KIND_LABEL } from "../contract/ids.js";
import { cypher, cypherStatements } from "../db/cypher.js";
import { toPlain, type Graph } from "../db/graph.js";
import { bumpLoadSequence } from "../db/load-state.js";
import { writeOverviewSummaries } from "../overview/overview.precompute.js";
import { transferStatus } from "../transfers/transfer.rule.js";

const BATCH = 5000;
const LABELS = new Set(Object.values(KIND_LABEL));
const TYPES = new Set<string>(REL_TYPES);

export class LoadError extends Error {
  readonly code = "LOAD_FAILED";
  override name = "LoadError";
}

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/**
 * Creates the constraints and indexes of `cypher/seed/schema.cypher` that do not exist yet: one read asks which exist,
 * so a reload sends none of them again (each is a schema transaction of its own, planned and committed apart).
 */
export async function ensureSchema(graph: Graph): Promise<void> {
  // On the write path, with a load's time limit: a freshly started database on a busy machine may take longer than a read's 5 s.
  const names = await graph.writeTransaction(async (tx) => (await tx.run(cypher("seed/schema-names"))).records[0]?.get("names") as string[] | undefined);
  const existing = new Set(names ?? []);
  for (const statement of cypherStatements("seed/schema")) {
    const name = /^CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+)?INDEX)\s+(\w+)\s+IF NOT EXISTS/i.exec(statement)?.[1];
    if (!name || !existing.has(name)) await graph.runAutoCommit(statement);
  }
}

/** Removes systems (and shared nodes nothing points at any more) in one transaction. */
export async function removeSystems(graph: Graph, systems: string[]): Promise<void> {
  await graph.writeTransaction(async (tx) => {
    // Flows other systems state into these stay stated (on their owners' source nodes), now into a system not loaded.
    await tx.run(cypher("seed/delete-systems"), { systems });
    await tx.run(cypher("seed/delete-orphans"));
    await tx.run(cypher("seed/derive-vendor-facts"));
    await finishLoad(tx);
  });
}

/** Told how long each step of a load took (`npm run bench:import` prints them); steps are named as their Cypher files. */
export type StepTimer = (step: string, ms: number) => void;

/** Runs `fn`, then tells `timer` how long it took under `step`. */
export async function timed<T>(timer: StepTimer | undefined, step: string, fn: () => Promise<T>): Promise<T> {
  if (!timer) return fn();
  const started = performance.now();
  try {
    return await fn();
  } finally {
    timer(step, performance.now() - started);
  }
}

/** The last statements of every load's transaction: what is computed at load (the overview's summaries), then the load sequence. */
async function finishLoad(tx: ManagedTransaction): Promise<void> {
  await writeOverviewSummaries(tx);
  await bumpLoadSequence(tx);
}

export interface LoadResult {
  nodes: number;
  relationships: number;
}

/**
 * Replaces the given systems' part of the graph with `rows`, in one transaction. Nodes are upserted by id rather than
 * deleted and re-created: deleting a node and creating one with the same id in one transaction makes every later
 * unique-constraint check and index seek of that transaction 10–50× slower (bench/results/2026-11-30-M-reload-profile.md),
 * which made a reload quadratic. So only the nodes missing from the new data are deleted; the systems' relationships are
 * all deleted and created again from the new data, so none from the old load survives. The result equals a fresh load.
 */
export async function replaceSystems(graph: Graph, rows: GraphRows, catalogue: Pick<Catalogue, "countries" | "adequacy">, timer?: StepTimer): Promise<LoadResult> {
  // Labels and types reach Cypher as values of `$(...)`; still, only the fixed lists are allowed through.
  for (const n of [...rows.scoped, ...rows.shared]) if (!LABELS.has(n.label)) throw new LoadError(`unknown node label ${n.label}`);
  for (const r of rows.rels) if (!TYPES.has(r.type)) throw new LoadError(`unknown relationship type ${r.type}`);

  const started = performance.now();
  const result = await graph.writeTransaction(async (tx) => {
    const run = (name: string, params: Record<string, unknown> = {}) => timed(timer, name, async () => tx.run(cypher(`seed/${name}`), params));
    // `systems` beside `loads`, so the node lookup is an index seek on the system.
    await run("delete-stale-nodes", { systems: rows.systems, loads: rows.loads, ids: rows.scoped.map((n) => n.id) });
    await run("delete-system-relationships", { systems: rows.systems, loads: rows.loads });
    // A node holds no null properties (setting one removes it), so nulls are dropped here: an unchanged node's properties
    // then equal its row's, and the upsert skips it.
    const scoped = rows.scoped.map((n) => ({ ...n, props: Object.fromEntries(Object.entries(n.props).filter(([, v]) => v !== null)) }));
    for (const batch of chunks(scoped)) await run("upsert-scoped-nodes", { rows: batch });
    for (const batch of chunks(rows.shared)) await run("merge-shared-nodes", { rows: batch });
    if (rows.observed.length > 0) await run("set-observed-events", { rows: rows.observed });

    let created = 0;
    for (const batch of chunks(rows.rels)) {
      const res = await run("create-relationships", { rows: batch });
      created += Number(res.records[0]?.get("created") ?? 0);
    }
    if (created !== rows.rels.length) {
      const ends = [...new Set(rows.rels.flatMap((r: RelRow) => [r.from, r.to]))];
      const res = await tx.run(cypher("seed/missing-ends"), { ids: ends });
      const missing = (res.records[0]?.get("missing") as string[] | undefined) ?? [];
      throw new LoadError(`${rows.rels.length - created} relationship(s) point at nodes that do not exist: ${missing.join(", ")}`);
    }
    created += await timed(timer, "relink (all)", () => relinkSystemFlows(tx, rows.systems, catalogue, timer));
    await run("delete-orphans");
    await run("derive-vendor-facts");
    await timed(timer, "finish-load", () => finishLoad(tx));
    return { nodes: rows.scoped.length + rows.shared.length, relationships: created };
  });
  timer?.("transaction (every step and the commit)", performance.now() - started);
  return result;
}

interface StatedCopy {
  from: string;
  to: string;
  columns: { from: string; to: string }[];
  /** The lines stating the copy, and each of its column pairs (absent in a graph loaded before they were kept). */
  at?: string[];
  columnsAt?: string[][];
}

/** `at` as a relationship carries it: only when some line states the fact. */
const citing = (at: readonly string[] | null | undefined): { at?: string[] } => (at?.length ? { at: [...at] } : {});

/**
 * Makes the relationships of every flow between own systems whose owner or target is among `systems` from what its
 * owner states (on its source node), against the nodes loaded now: a flow into a system that is not loaded has none
 * (its source node says where it goes: "system not loaded"), and loading that system later connects it. Copies follow
 * the rule of copies inside a system (`copiedColumns`); the flow's transfer status is the vendor flows' rule applied to
 * the target system's legal entity and hosting countries. Returns how many relationships were made.
 */
async function relinkSystemFlows(tx: ManagedTransaction, systems: string[], catalogue: Pick<Catalogue, "countries" | "adequacy">, timer?: StepTimer): Promise<number> {
  const run = (name: string, params: Record<string, unknown> = {}) => timed(timer, name, async () => tx.run(cypher(`seed/${name}`), params));
  await run("relink-delete", { systems });
  const flows = (await run("system-flows", { systems })).records.map((r) => toPlain(r.toObject()) as SystemFlowRow);
  const live = flows.filter((f) => f.targetSystem !== null);
  if (live.length === 0) return 0;
  const copiesOf = new Map(live.map((f) => [f.flow, JSON.parse(f.copies) as StatedCopy[]]));
  const tableIds = [...new Set(live.flatMap((f) => copiesOf.get(f.flow)!.flatMap((c) => [ids.table(f.owner, c.from), ids.table(f.target, c.to)])))];
  const tables = new Map(
    (await run("table-columns", { ids: tableIds })).records.map((r) => {
      const row = toPlain(r.toObject()) as { id: string; columns: { name: string; kind: Entity["columns"][number]["kind"]; category: string | null }[] };
      return [row.id, row.columns] as const;
    }),
  );
  const entity = (id: string, name: string): Entity | null => {
    const columns = tables.get(id);
    return columns ? ({ name, label: undefined, kind: "table", subjects: [], columns: columns.map((c) => ({ ...c, category: c.category ?? undefined, purposes: [] })) } as unknown as Entity) : null;
  };

  const rels: RelRow[] = [];
  const seen = new Set<string>();
  const rel = (from: string, type: RelRow["type"], to: string, props: Props) => {
    const key = `${from}|${type}|${to}|${JSON.stringify(props)}`;
    if (!seen.has(key)) rels.push({ from, to, type, props });
    seen.add(key);
  };
  for (const f of live) {
    const own = { system: f.owner, crossSystem: true, flow: f.flow, via: f.via };
    // Each link cites the lines that state it: the flow, the copy, or the column pair.
    const flowAt = citing(f.at);
    const carried = new Set(f.categories);
    for (const c of copiesOf.get(f.flow)!) {
      const fromId = ids.table(f.owner, c.from);
      const toId = ids.table(f.target, c.to);
      const from = entity(fromId, c.from);
      const to = entity(toId, c.to);
      // A table the other system does not (or no longer) state: the copy waits for it, as a flow into a system not loaded does.
      if (!from || !to) continue;
      const copyAt = c.at?.length ? citing(c.at) : flowAt;
      rel(f.via, "FEEDS", toId, { ...own, ...flowAt });
      rel(fromId, "COPIED_TO", toId, { ...own, ...copyAt });
      const copy = copiedColumns(
        c.columns.map((m) => ({ from: `${c.from}.${m.from}`, to: `${c.to}.${m.to}` })),
        from,
        to,
      );
      const names = new Set(to.columns.map((col) => col.name));
      for (const [a, b, i] of copy.pairs) {
        if (!names.has(b)) continue;
        // A stated pair cites its own line; pairs inferred by category (`mapping: category`) cite the copy they come from.
        const pairAt = i !== undefined && c.columnsAt?.[i]?.length ? citing(c.columnsAt[i]) : copyAt;
        rel(ids.column(f.owner, c.from, a), "COPIED_TO", ids.column(f.target, c.to, b), { ...own, mapping: copy.mapping, ...pairAt });
        const category = from.columns.find((col) => col.name === a)?.category;
        if (category) carried.add(category);
      }
    }
    const target = f.targetSystem!;
    rel(ids.system(f.owner), "SENDS_TO", ids.system(f.target), {
      ...own,
      ...flowAt,
      categories: [...carried].sort(),
      mechanism: f.mechanism,
      transfer: transferStatus({ entityCountry: target.entityCountry ?? null, dataCountries: target.hostingCountries ?? [] }, f.mechanism, catalogue),
    });
  }
  let created = 0;
  for (const batch of chunks(rels)) {
    const res = await run("create-relationships", { rows: batch });
    created += Number(res.records[0]?.get("created") ?? 0);
  }
  if (created !== rels.length) throw new LoadError(`${rels.length - created} relationship(s) of flows between systems point at nodes that do not exist`);
  return created;
}

interface SystemFlowRow {
  via: string;
  owner: string;
  flow: string;
  at: string[] | null;
  target: string;
  mechanism: Mechanism | null;
  categories: string[];
  copies: string;
  targetSystem: { entityCountry: string | null; hostingCountries: string[] | null } | null;
}
