import type { Graph } from "../db/graph.js";
import type { NodeProps } from "../elements/elements.js";

export interface CountryProps {
  code: string;
  name: string;
  eea: boolean;
}

export interface VendorNode extends NodeProps {
  legalNames?: string[] | null;
  services?: string[] | null;
}

export interface VendorListRow {
  vendor: VendorNode;
  systems: string[];
  countries: CountryProps[];
  fieldCount: number;
}

export interface FieldRow {
  column: NodeProps;
  table: NodeProps;
  category: string | null;
}

export interface FlowRow {
  system: NodeProps & { system: string };
  service: string | null;
  role: string;
  purpose: string;
  retention: string | null;
  legalName: string | null;
  address: string | null;
  entityCountry: string | null;
  dataCountries: string[] | null;
  receives: FieldRow[];
  sendsBack: FieldRow[];
}

export interface VendorRow {
  vendor: VendorNode;
  flows: FlowRow[];
  places: { type: "LOCATED_IN" | "STORES_DATA_IN"; system: string; location: NodeProps & CountryProps }[];
}

export class VendorsRepository {
  constructor(private readonly graph: Graph) {}

  async list(): Promise<VendorListRow[]> {
    return (await this.graph.read("vendors/list")) as unknown as VendorListRow[];
  }

  async vendor(id: string): Promise<VendorRow | null> {
    const rows = await this.graph.read("vendors/vendor", { id });
    return (rows[0] as VendorRow | undefined) ?? null;
  }
}
