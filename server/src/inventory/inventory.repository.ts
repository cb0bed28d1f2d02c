/** Writes graph rows to Neo4j. Each call is one write transaction: all of it commits, or none of it. */
import { REL_TYPES, type GraphRows, type RelRow } from "./inventory.graph.js";
import { KIND_LABEL } from "../contract/ids.js";
import { cypher, cypherStatements } from "../db/cypher.js";
import type { Graph } from "../db/graph.js";

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

export async function ensureSchema(graph: Graph): Promise<void> {
  for (const statement of cypherStatements("seed/schema")) await graph.runAutoCommit(statement);
}

/** Removes systems (and shared nodes nothing points at any more) in one transaction. */
export async function removeSystems(graph: Graph, systems: string[]): Promise<void> {
  await graph.writeTransaction(async (tx) => {
    await tx.run(cypher("seed/delete-systems"), { systems });
    await tx.run(cypher("seed/delete-orphans"));
    await tx.run(cypher("seed/derive-vendor-facts"));
  });
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
export async function replaceSystems(graph: Graph, rows: GraphRows): Promise<LoadResult> {
  // Labels and types reach Cypher as values of `$(...)`; still, only the fixed lists are allowed through.
  for (const n of [...rows.scoped, ...rows.shared]) if (!LABELS.has(n.label)) throw new LoadError(`unknown node label ${n.label}`);
  for (const r of rows.rels) if (!TYPES.has(r.type)) throw new LoadError(`unknown relationship type ${r.type}`);

  return graph.writeTransaction(async (tx) => {
    await tx.run(cypher("seed/delete-stale-nodes"), { systems: rows.systems, ids: rows.scoped.map((n) => n.id) });
    await tx.run(cypher("seed/delete-system-relationships"), { systems: rows.systems });
    // A node holds no null properties (setting one removes it), so nulls are dropped here: an unchanged node's properties
    // then equal its row's, and the upsert skips it.
    const scoped = rows.scoped.map((n) => ({ ...n, props: Object.fromEntries(Object.entries(n.props).filter(([, v]) => v !== null)) }));
    for (const batch of chunks(scoped)) await tx.run(cypher("seed/upsert-scoped-nodes"), { rows: batch });
    for (const batch of chunks(rows.shared)) await tx.run(cypher("seed/merge-shared-nodes"), { rows: batch });

    let created = 0;
    for (const batch of chunks(rows.rels)) {
      const res = await tx.run(cypher("seed/create-relationships"), { rows: batch });
      created += Number(res.records[0]?.get("created") ?? 0);
    }
    if (created !== rows.rels.length) {
      const ends = [...new Set(rows.rels.flatMap((r: RelRow) => [r.from, r.to]))];
      const res = await tx.run(cypher("seed/missing-ends"), { ids: ends });
      const missing = (res.records[0]?.get("missing") as string[] | undefined) ?? [];
      throw new LoadError(`${rows.rels.length - created} relationship(s) point at nodes that do not exist: ${missing.join(", ")}`);
    }
    await tx.run(cypher("seed/delete-orphans"));
    await tx.run(cypher("seed/derive-vendor-facts"));
    return { nodes: rows.scoped.length + rows.shared.length, relationships: created };
  });
}
