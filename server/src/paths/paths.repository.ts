import { z } from "zod";

import type { Graph } from "../db/graph.js";
import { NodePropsSchema } from "../node.row.js";

/** A relationship as the paths queries return it: `{ source, target, type, props }` with node ids as ends. */
const RelRowSchema = z.object({ source: z.string(), target: z.string(), type: z.string(), props: z.record(z.string(), z.unknown()).nullable().optional() });

/** A copy whose column mappings the inventory does not state: the tables it copies between and the category it carries. */
const CategoryCopySchema = z.object({ from: NodePropsSchema, to: NodePropsSchema, category: z.string().nullable() });

const PathRowSchema = z.object({
  nodes: z.array(NodePropsSchema),
  rels: z.array(RelRowSchema.extend({ copy: CategoryCopySchema.nullable().optional() })),
  /** The step from a category/purpose start into its column (drawn column → category, as stored). */
  first: RelRowSchema.nullable(),
  /** The step from the last column to a category/purpose end. */
  last: RelRowSchema.nullable(),
});
export type PathRow = z.infer<typeof PathRowSchema>;

const PathsRowSchema = z.object({ from: NodePropsSchema, to: NodePropsSchema, paths: z.array(PathRowSchema) });
export type PathsRow = z.infer<typeof PathsRowSchema>;

export class PathsRepository {
  constructor(private readonly graph: Graph) {}

  async shortest(from: string, to: string, max: number): Promise<PathsRow | null> {
    const rows = await this.graph.read("paths/shortest", { from, to, max });
    return rows[0] ? PathsRowSchema.parse(rows[0]) : null;
  }

  /** Which of the ids exist (to say which end of a path is unknown). */
  async existing(idList: string[]): Promise<Set<string>> {
    const rows = await this.graph.read("nodes/exist", { ids: idList });
    return new Set(z.array(z.string()).parse(rows[0]?.found ?? []));
  }
}
