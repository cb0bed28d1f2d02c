/**
 * A checksum of the whole graph: every node with all its properties, every relationship (start id, type, end id) with
 * all its properties, each written canonically (keys sorted), sorted, and hashed with sha256. Two graphs with the same
 * checksum hold the same facts, whatever order they were written in.
 */
import { createHash } from "node:crypto";

import { z } from "zod";

import type { Graph } from "../../server/src/db/graph.js";

const Props = z.record(z.string(), z.unknown());
const ContentsSchema = z.object({
  nodes: z.array(z.object({ id: z.string().nullable(), labels: z.array(z.string()), props: Props })),
  relationships: z.array(z.object({ from: z.string().nullable(), type: z.string(), to: z.string().nullable(), props: Props })),
});

/** JSON with object keys sorted at every level (array order is kept: it is part of a list property's value). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The graph's contents as sorted canonical lines: one per node, then one per relationship. */
export async function graphLines(graph: Graph): Promise<{ nodes: string[]; relationships: string[] }> {
  const [row] = await graph.read("checks/graph-contents");
  const contents = ContentsSchema.parse(row);
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    nodes: contents.nodes.map((n) => canonical({ ...n, labels: [...n.labels].sort(byCode) })).sort(byCode),
    relationships: contents.relationships.map((r) => canonical(r)).sort(byCode),
  };
}

export async function graphChecksum(graph: Graph): Promise<string> {
  const { nodes, relationships } = await graphLines(graph);
  return createHash("sha256").update(nodes.join("\n")).update("\n--\n").update(relationships.join("\n")).digest("hex");
}
