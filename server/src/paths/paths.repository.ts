import type { Graph } from "../db/graph.js";
import type { NodeProps, RelRow } from "../elements/elements.js";

export interface PathRow {
  nodes: NodeProps[];
  rels: RelRow[];
  /** The step from a category/purpose start into its column (drawn column → category, as stored). */
  first: RelRow | null;
  /** The step from the last column to a category/purpose end. */
  last: RelRow | null;
}

export interface PathsRow {
  from: NodeProps;
  to: NodeProps;
  paths: PathRow[];
}

export class PathsRepository {
  constructor(private readonly graph: Graph) {}

  async shortest(from: string, to: string, max: number): Promise<PathsRow | null> {
    const rows = await this.graph.read("paths/shortest", { from, to, max });
    return (rows[0] as PathsRow | undefined) ?? null;
  }

  /** Which of the ids exist (to say which end of a path is unknown). */
  async existing(idList: string[]): Promise<Set<string>> {
    const rows = await this.graph.read("nodes/exist", { ids: idList });
    return new Set((rows[0]?.found as string[] | undefined) ?? []);
  }
}
