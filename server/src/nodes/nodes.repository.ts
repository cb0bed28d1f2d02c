import { NEIGHBORHOOD_QUERIES, type NeighborhoodDepth } from "./nodes.schema.js";
import type { NodeKind } from "../contract/ids.js";
import type { Graph } from "../db/graph.js";
import type { NodeProps } from "../elements/elements.js";

export interface NodeRow {
  node: NodeProps;
  neighbours: { kind: string; count: number }[];
}

export interface NeighborhoodRow {
  node: NodeProps;
  depth: number;
  truncated: boolean;
  out: { source: string; target: string; type: string; columns: string[] | null; label: string | null }[];
}

export class NodesRepository {
  constructor(private readonly graph: Graph) {}

  async node(id: string): Promise<NodeRow | null> {
    const rows = await this.graph.read("nodes/node", { id });
    return (rows[0] as NodeRow | undefined) ?? null;
  }

  async neighborhood(id: string, depth: NeighborhoodDepth, kinds: NodeKind[] | null, max: number): Promise<NeighborhoodRow[]> {
    const rows = await this.graph.read(NEIGHBORHOOD_QUERIES[depth], { id, kinds, max });
    return rows as unknown as NeighborhoodRow[];
  }
}
