import type { Graph } from "../db/graph.js";
import type { NodeProps } from "../elements/elements.js";

export interface OverviewRow {
  system: NodeProps & { system: string };
  tables: number;
  vendors: { vendor: NodeProps; services: string[]; places: { type: "LOCATED_IN" | "STORES_DATA_IN"; location: NodeProps }[] }[];
}

export class OverviewRepository {
  constructor(private readonly graph: Graph) {}

  async systems(): Promise<OverviewRow[]> {
    return (await this.graph.read("overview/systems")) as unknown as OverviewRow[];
  }
}
