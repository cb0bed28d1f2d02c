import type { NodeKind } from "../contract/ids.js";
import type { Graph } from "../db/graph.js";
import { NodePropsSchema, type NodeProps } from "../node.row.js";

export interface SearchParams {
  lucene: string;
  /** The whole text, lower-cased, for exact / prefix / infix name matches. */
  text: string;
  /** Its first word, lower-cased: a name starting with it ranks above other full-text hits. */
  first: string;
  kind: NodeKind | null;
  /** Only these systems' nodes and the shared nodes they use; null: every system. */
  systems: string[] | null;
  limit: number;
}

/** How many full-text hits are ranked before the limit applies (the kind filter runs after the index). */
const CANDIDATES = 500;

export class SearchRepository {
  constructor(private readonly graph: Graph) {}

  async search(p: SearchParams): Promise<NodeProps[]> {
    const rows = await this.graph.read("search/nodes", { ...p, candidates: CANDIDATES });
    return rows.map((r) => NodePropsSchema.parse(r.node));
  }
}
