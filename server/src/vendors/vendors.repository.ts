import { z } from "zod";

import { MechanismSchema, TransferStatusSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import { NodePropsSchema } from "../node.row.js";

const CountryPropsSchema = z.object({ code: z.string(), name: z.string(), eea: z.boolean() });
export type CountryProps = z.infer<typeof CountryPropsSchema>;

const VendorNodeSchema = NodePropsSchema.extend({ legalNames: z.array(z.string()).nullable().optional(), services: z.array(z.string()).nullable().optional() });
export type VendorNode = z.infer<typeof VendorNodeSchema>;

const FlowStatusSchema = z.object({ system: z.string(), transfer: TransferStatusSchema, mechanism: MechanismSchema.nullable(), service: z.string().nullable().optional() });
export type FlowStatus = z.infer<typeof FlowStatusSchema>;

const VendorListRowSchema = z.object({
  total: z.number(),
  vendor: VendorNodeSchema,
  flows: z.array(FlowStatusSchema),
  countries: z.array(CountryPropsSchema.extend({ system: z.string() })),
  fieldCount: z.number(),
  fieldCounts: z.array(z.object({ system: z.string(), fields: z.number() })),
});
export type VendorListRow = z.infer<typeof VendorListRowSchema>;

const FieldRowSchema = z.object({ column: NodePropsSchema, table: NodePropsSchema, category: z.string().nullable(), at: z.array(z.string()).nullable().optional() });
export type FieldRow = z.infer<typeof FieldRowSchema>;

const FlowRowSchema = z.object({
  flow: z.string(),
  system: NodePropsSchema.extend({ system: z.string() }),
  mechanism: MechanismSchema.nullable(),
  transfer: TransferStatusSchema,
  service: z.string().nullable(),
  role: z.string(),
  purpose: z.string(),
  retention: z.string().nullable(),
  legalName: z.string().nullable(),
  address: z.string().nullable(),
  entityCountry: z.string().nullable(),
  dataCountries: z.array(z.string()).nullable(),
  receives: z.array(FieldRowSchema),
  sendsBack: z.array(FieldRowSchema),
  at: z.array(z.string()).nullable().optional(),
});
export type FlowRow = z.infer<typeof FlowRowSchema>;

const VendorRowSchema = z.object({
  vendor: VendorNodeSchema,
  flows: z.array(FlowRowSchema),
  places: z.array(z.object({ type: z.enum(["LOCATED_IN", "STORES_DATA_IN"]), system: z.string(), at: z.array(z.string()).nullable().optional(), location: NodePropsSchema.extend(CountryPropsSchema.shape) })),
});
export type VendorRow = z.infer<typeof VendorRowSchema>;

export class VendorsRepository {
  constructor(private readonly graph: Graph) {}

  /** `systems` null: every loaded system. */
  /** A page of the list: up to `limit + 1` rows after `after` (the last row's [name, key]), each with the list's total. */
  async list(systems: string[] | null, limit: number, after: string[] | null): Promise<VendorListRow[]> {
    return z.array(VendorListRowSchema).parse(await this.graph.read("vendors/list", { systems, limit, after }));
  }

  async vendor(id: string): Promise<VendorRow | null> {
    const rows = await this.graph.read("vendors/vendor", { id });
    return rows[0] ? VendorRowSchema.parse(rows[0]) : null;
  }
}
