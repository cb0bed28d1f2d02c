import { z } from "zod";

import { NEIGHBORHOOD_QUERIES, type NeighborhoodDepth } from "./nodes.schema.js";
import type { NodeKind } from "../contract/ids.js";
import type { Graph } from "../db/graph.js";
import { NodePropsSchema } from "../node.row.js";

const NodeRowSchema = z.object({ node: NodePropsSchema, neighbours: z.array(z.object({ kind: z.string(), count: z.number() })) });
export type NodeRow = z.infer<typeof NodeRowSchema>;

const NeighborhoodRowSchema = z.object({
  node: NodePropsSchema,
  depth: z.number(),
  truncated: z.boolean(),
  /** Every node found within the depth, counted by kind (the same on every row). */
  counted: z.array(z.object({ kind: z.string(), count: z.number() })),
  out: z.array(
    z.object({ source: z.string(), target: z.string(), type: z.string(), columns: z.array(z.string()).nullable(), label: z.string().nullable(), at: z.array(z.string()).nullable(), suggested: z.boolean().nullable() }),
  ),
});
export type NeighborhoodRow = z.infer<typeof NeighborhoodRowSchema>;

export class NodesRepository {
  constructor(private readonly graph: Graph) {}

  /** The nodes of `kind` whose key is `<system>/<key>` in some system: what an id without its system stands for. */
  async legacy(kind: NodeKind, key: string): Promise<{ id: string; system: string }[]> {
    return z.array(z.object({ id: z.string(), system: z.string() })).parse(await this.graph.read("nodes/legacy", { kind, name: key }));
  }

  async node(id: string): Promise<NodeRow | null> {
    const rows = await this.graph.read("nodes/node", { id });
    return rows[0] ? NodeRowSchema.parse(rows[0]) : null;
  }

  async neighborhood(id: string, depth: NeighborhoodDepth, kinds: NodeKind[] | null, max: number): Promise<NeighborhoodRow[]> {
    const rows = await this.graph.read(NEIGHBORHOOD_QUERIES[depth], { id, kinds, max });
    return z.array(NeighborhoodRowSchema).parse(rows);
  }
}
