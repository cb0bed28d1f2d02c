import type { Graph } from "../db/graph.js";
import type { NodeProps } from "../elements/elements.js";

type Ref = Pick<NodeProps, "kind" | "key" | "name">;

export interface TableNode extends NodeProps {
  system: string;
  title: string | null;
  entityKind: "table" | "logical" | "mentioned";
  description?: string | null;
}

export interface ColumnRow extends NodeProps {
  columnKind: "personal" | "system" | "reference";
  categoryLabel: string | null;
  description: string | null;
  category: Ref | null;
  purposes: Ref[];
  references: string[];
  vendors: Ref[];
  sources: Ref[];
}

export interface TableRow {
  table: TableNode;
  systemName: string;
  columns: ColumnRow[];
  sources: (Ref & { description: string | null; copiesFrom: string[] })[];
  subjects: Ref[];
}

export interface ReferencedByRow {
  table: TableNode;
  referencedBy: { table: TableNode; columns: string[]; forms: ("outgoing" | "incoming")[]; description: string | null }[];
}

export interface TableListRow {
  table: TableNode;
  systemName: string;
  columns: number;
  personalColumns: number;
  referencedBy: number;
}

export class TablesRepository {
  constructor(private readonly graph: Graph) {}

  async list(system: string | null): Promise<TableListRow[]> {
    return (await this.graph.read("tables/list", { system })) as unknown as TableListRow[];
  }

  async table(name: string): Promise<TableRow | null> {
    const rows = await this.graph.read("tables/table", { name });
    return (rows[0] as TableRow | undefined) ?? null;
  }

  async referencedBy(name: string): Promise<ReferencedByRow | null> {
    const rows = await this.graph.read("tables/referenced-by", { name });
    return (rows[0] as ReferencedByRow | undefined) ?? null;
  }
}
