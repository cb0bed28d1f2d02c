/**
 * The API contract: response shapes as zod schemas, shared by the server (responses, OpenAPI) and the
 * client (`import type` only, so zod stays out of the bundle). Graph answers carry Cytoscape elements.
 */
import { z } from "zod";

import { NODE_KINDS } from "./ids.js";

export const NodeKindSchema = z.enum(NODE_KINDS);

export const ElementNodeSchema = z.object({
  data: z
    .object({
      id: z.string(),
      label: z.string(),
      kind: NodeKindSchema,
      system: z.string().nullable().optional(),
      /** table: section heading; column: its table; etc. */
      title: z.string().nullable().optional(),
      /** location: inside the EEA; vendor: false when any of its countries is outside the EEA. */
      eea: z.boolean().optional(),
      columnKind: z.enum(["personal", "system", "reference"]).optional(),
    })
    .catchall(z.unknown()),
});

export const ElementEdgeSchema = z.object({
  data: z
    .object({
      id: z.string(),
      source: z.string(),
      target: z.string(),
      type: z.string(),
      label: z.string().optional(),
    })
    .catchall(z.unknown()),
});

export const ElementsSchema = z.object({ nodes: z.array(ElementNodeSchema), edges: z.array(ElementEdgeSchema) });

export const CountrySchema = z.object({ code: z.string(), name: z.string(), eea: z.boolean() });

export const SearchResponseSchema = z.object({
  results: z.array(z.object({ id: z.string(), kind: NodeKindSchema, label: z.string(), system: z.string().nullable(), detail: z.string().nullable() })),
});

export const NodeResponseSchema = z.object({
  node: z.object({ id: z.string(), kind: NodeKindSchema, label: z.string(), system: z.string().nullable(), properties: z.record(z.string(), z.unknown()) }),
  neighbours: z.record(z.string(), z.number()),
});

export const NeighborhoodResponseSchema = z.object({
  center: z.string(),
  depth: z.number(),
  elements: ElementsSchema,
  truncated: z.boolean(),
});

export const TableColumnSchema = z.object({
  /** The column's node id (`column:Table.Column`). Added later: always sent, optional so earlier fixtures still type-check. */
  id: z.string().optional(),
  name: z.string(),
  kind: z.enum(["personal", "system", "reference"]),
  category: z.string().nullable(),
  categoryId: z.string().nullable(),
  categoryLabel: z.string().nullable(),
  purposes: z.array(z.string()),
  references: z.array(z.string()),
  vendors: z.array(z.string()),
  sources: z.array(z.string()),
  description: z.string().nullable(),
  /** Node ids parallel to `purposes`, `vendors` and `sources` (same order), for links. Added later, like `id`. */
  purposeIds: z.array(z.string()).optional(),
  vendorIds: z.array(z.string()).optional(),
  sourceIds: z.array(z.string()).optional(),
});

const TableSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  system: z.string(),
  systemName: z.string(),
  entityKind: z.enum(["table", "logical", "mentioned"]),
});

export const TableResponseSchema = z.object({
  table: TableSummarySchema.extend({ description: z.string().nullable() }),
  columns: z.array(TableColumnSchema),
  sources: z.array(z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), copiesFrom: z.array(z.string()) })),
  /** The data subjects whose data the table holds. Added later: always sent, optional for earlier fixtures. */
  subjects: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
});

export const TablesResponseSchema = z.object({
  tables: z.array(
    TableSummarySchema.extend({
      columns: z.number(),
      personalColumns: z.number(),
      referencedBy: z.number(),
    }),
  ),
});

export const ReferencedByResponseSchema = z.object({
  table: z.string(),
  referencedBy: z.array(
    z.object({
      id: z.string(),
      table: z.string(),
      title: z.string().nullable(),
      system: z.string(),
      columns: z.array(z.string()),
      forms: z.array(z.enum(["outgoing", "incoming"])),
      description: z.string().nullable(),
    }),
  ),
  elements: ElementsSchema,
});

export const TraceVendorSchema = z.object({
  id: z.string(),
  name: z.string(),
  countries: z.array(CountrySchema.extend({ role: z.enum(["entity", "data"]) })),
  outsideEEA: z.boolean(),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
  fields: z.array(z.object({ id: z.string(), table: z.string(), column: z.string(), category: z.string().nullable(), categoryId: z.string().nullable().optional() })),
  systems: z.array(z.string()),
  services: z.array(z.string()),
  purposes: z.array(z.string()),
  retention: z.array(z.string()),
});

export const TraceResponseSchema = z.object({
  from: z.object({ id: z.string(), kind: NodeKindSchema, label: z.string() }),
  vendors: z.array(TraceVendorSchema),
  elements: ElementsSchema,
  truncated: z.boolean(),
});

export const VendorFlowSchema = z.object({
  system: z.string(),
  systemName: z.string(),
  service: z.string().nullable(),
  role: z.string(),
  purpose: z.string(),
  /** The contracting entity and its registered office, as this system's document names them. */
  legalName: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
  retention: z.string().nullable(),
  entityCountry: CountrySchema.nullable(),
  dataCountries: z.array(CountrySchema),
  receives: z.array(z.object({ id: z.string(), table: z.string(), column: z.string(), category: z.string().nullable() })),
  sendsBack: z.array(z.object({ id: z.string(), table: z.string(), column: z.string(), category: z.string().nullable() })),
});

export const VendorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  legalNames: z.array(z.string()),
  services: z.array(z.string()),
  systems: z.array(z.string()),
  countries: z.array(CountrySchema),
  outsideEEA: z.boolean(),
  fieldCount: z.number(),
});

export const VendorsResponseSchema = z.object({ vendors: z.array(VendorSummarySchema) });
export const VendorResponseSchema = z.object({ vendor: VendorSummarySchema.extend({ address: z.string().nullable() }), flows: z.array(VendorFlowSchema), elements: ElementsSchema });

export const PathsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  paths: z.array(z.object({ nodes: z.array(z.string()), length: z.number() })),
  elements: ElementsSchema,
});

export const OverviewResponseSchema = z.object({
  systems: z.array(z.object({ id: z.string(), name: z.string(), tables: z.number(), vendors: z.number() })),
  elements: ElementsSchema,
});

export const HealthResponseSchema = z.object({
  status: z.literal("ok"),
  neo4j: z.object({ version: z.string(), edition: z.string() }),
  counts: z.object({ nodes: z.number(), relationships: z.number() }),
});

export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export type ElementNode = z.infer<typeof ElementNodeSchema>;
export type ElementEdge = z.infer<typeof ElementEdgeSchema>;
export type Elements = z.infer<typeof ElementsSchema>;
export type Country = z.infer<typeof CountrySchema>;
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
export type NodeResponse = z.infer<typeof NodeResponseSchema>;
export type NeighborhoodResponse = z.infer<typeof NeighborhoodResponseSchema>;
export type TableColumn = z.infer<typeof TableColumnSchema>;
export type TableResponse = z.infer<typeof TableResponseSchema>;
export type TablesResponse = z.infer<typeof TablesResponseSchema>;
export type ReferencedByResponse = z.infer<typeof ReferencedByResponseSchema>;
export type TraceVendor = z.infer<typeof TraceVendorSchema>;
export type TraceResponse = z.infer<typeof TraceResponseSchema>;
export type VendorFlow = z.infer<typeof VendorFlowSchema>;
export type VendorSummary = z.infer<typeof VendorSummarySchema>;
export type VendorsResponse = z.infer<typeof VendorsResponseSchema>;
export type VendorResponse = z.infer<typeof VendorResponseSchema>;
export type PathsResponse = z.infer<typeof PathsResponseSchema>;
export type OverviewResponse = z.infer<typeof OverviewResponseSchema>;
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
