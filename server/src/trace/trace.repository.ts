import type { Graph } from "../db/graph.js";
import type { NodeProps, RelRow } from "../elements/elements.js";

export interface TraceSend {
  column: NodeProps;
  category: NodeProps | null;
  vendor: NodeProps;
  system: string;
  service: string | null;
  purpose: string;
  places: { type: "LOCATED_IN" | "STORES_DATA_IN"; location: NodeProps & { code: string; eea: boolean } }[];
  retention: string[];
}

/** The one row of `trace/downstream`. */
export interface TraceRow {
  start: NodeProps;
  startEdges: RelRow[];
  tables: NodeProps[];
  copies: (RelRow & { via: string | null })[];
  columnEdges: RelRow[];
  sends: TraceSend[];
}

export class TraceRepository {
  constructor(private readonly graph: Graph) {}

  async downstream(from: string): Promise<TraceRow | null> {
    const rows = await this.graph.read("trace/downstream", { from });
    return (rows[0] as TraceRow | undefined) ?? null;
  }
}
