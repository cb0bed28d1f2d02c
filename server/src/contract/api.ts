/**
 * The API contract: response shapes as zod schemas, shared by the server (responses, OpenAPI) and the
 * client (`import type` only, so zod stays out of the bundle). Graph answers carry Cytoscape elements.
 */
import { z } from "zod";

import { NODE_KINDS } from "./ids.js";

export const NodeKindSchema = z.enum(NODE_KINDS);

/**
 * A flow's transfer status, computed once on the server (server/src/transfers/transfer.rule.ts): inside the EEA, to a
 * country with an adequacy decision that covers the flow, to a third country, or no country stated in the inventory.
 */
export const TRANSFER_STATUSES = ["eea", "adequate", "third-country", "not-stated"] as const;
export const TransferStatusSchema = z.enum(TRANSFER_STATUSES);
export const MECHANISMS = ["adequacy", "dpf", "scc", "bcr", "derogation"] as const;
export const MechanismSchema = z.enum(MECHANISMS);

/**
 * Where a fact comes from (every node, edge and evidence step carries a list of these): `stated` by an inventory at a
 * line of a file (`file` as loaded: relative to the data folder for built-in and `DATA=` files, else the path given to
 * `npm run import`; `line`: the entry's 1-based line, a spreadsheet's row), with the source document and its section
 * when the inventory names them; `inferred` by the product (`rule`: `same-category`, a copy whose column mappings are
 * not stated reaching the columns of the same category); `suggested` (a category guessed from a column's name or type,
 * `suggested: true`); `not-stated`, an explicit gap (`field`: what the inventory leaves out); `observed` in OpenLineage
 * run events; `derived` (a group or bundle, from its members). Not part of a fact's identity.
 */
export const ProvenanceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("stated"), file: z.string(), line: z.number(), section: z.string().optional(), document: z.string().optional() }),
  z.object({ kind: z.literal("inferred"), rule: z.string() }),
  z.object({ kind: z.literal("suggested"), rule: z.string() }),
  z.object({ kind: z.literal("not-stated"), field: z.string() }),
  z.object({ kind: z.literal("observed"), job: z.string(), run: z.string(), eventTime: z.string() }),
  z.object({ kind: z.literal("derived") }),
]);
export const ProvenanceListSchema = z.array(ProvenanceSchema);

export const ElementNodeSchema = z.object({
  data: z
    .object({
      id: z.string(),
      label: z.string(),
      kind: NodeKindSchema,
      system: z.string().nullable().optional(),
      /** table: section heading; column: its table; etc. */
      title: z.string().nullable().optional(),
      /** location: inside the EEA. */
      eea: z.boolean().optional(),
      /** vendor and location: the transfer status of the flows drawn to it (the one needing most attention). */
      transfer: TransferStatusSchema.optional(),
      columnKind: z.enum(["personal", "system", "reference"]).optional(),
      /**
       * A trace's column sent to a vendor: its data category, id and name (the one its fields in the vendor list name),
       * through which the app's "via categories" picture draws the flow.
       */
      categoryId: z.string().optional(),
      categoryName: z.string().optional(),
      /**
       * An aggregate standing for several nodes of `kind` (a large overview groups vendors by transfer status or
       * country): its id is `group:<kind>/<by>/<value>`, not a database node; `members` are the node ids it stands
       * for, and the request's `expand=<group id>` draws them instead.
       */
      group: z.object({ by: z.enum(["transfer", "country"]), value: z.string(), count: z.number(), members: z.array(z.string()) }).optional(),
      /** A table standing for its columns in a collapsed trace: how many columns it stands for (`expand=<table id>` draws them). */
      collapsed: z.object({ columns: z.number() }).optional(),
      /**
       * Where the node is stated (a shared vendor or category: every statement of it; a group: derived). The server
       * sends it on every node; optional only for the nodes the client makes itself (its own bundles).
       */
      provenance: ProvenanceListSchema.optional(),
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
      /** How many statements one drawn edge bundles (vendors into a group, columns of a collapsed table); absent = one. */
      count: z.number().optional(),
      /**
       * Goes back to a node the trace reached no later than its source (a copy returning to a table, or a table's edge
       * to the start column whose data its copy carries on); drawn so that a cycle never reads as data flowing on.
       */
      back: z.boolean().optional(),
      /** Tells apart edges of one type between the same two nodes: a copy between two tables, one per category it carries. */
      key: z.string().optional(),
      /** Where the edge is stated, or the rule that infers it; a bundle of several statements is derived. Always sent by the server. */
      provenance: ProvenanceListSchema.optional(),
    })
    .catchall(z.unknown()),
});

export const ElementsSchema = z.object({ nodes: z.array(ElementNodeSchema), edges: z.array(ElementEdgeSchema) });

/**
 * What a capped graph answer left out (every graph answer carries it; zeros when nothing was): how many nodes the
 * whole answer has, how many are drawn, and the kinds of those left out. A cap drops columns first, never vendors.
 */
export const OmittedSchema = z.object({ totalNodes: z.number(), shownNodes: z.number(), byKind: z.record(z.string(), z.number()) });

export const CountrySchema = z.object({ code: z.string(), name: z.string(), eea: z.boolean() });

export const CountriesResponseSchema = z.object({
  countries: z.array(CountrySchema.extend({ alpha3: z.string().nullable(), adequacy: z.object({ decided: z.string(), scope: z.string().nullable() }).nullable() })),
  /** The date the list of adequacy decisions is current to. */
  asOf: z.string(),
});

export const SearchResponseSchema = z.object({
  results: z.array(z.object({ id: z.string(), kind: NodeKindSchema, label: z.string(), system: z.string().nullable(), detail: z.string().nullable() })),
});

export const NodeResponseSchema = z.object({
  node: z.object({ id: z.string(), kind: NodeKindSchema, label: z.string(), system: z.string().nullable(), properties: z.record(z.string(), z.unknown()), provenance: ProvenanceListSchema }),
  neighbours: z.record(z.string(), z.number()),
});

export const NeighborhoodResponseSchema = z.object({
  center: z.string(),
  depth: z.number(),
  elements: ElementsSchema,
  truncated: z.boolean(),
  omitted: OmittedSchema,
});

export const TableColumnSchema = z.object({
  /** The column's node id (`column:system/Table.Column`). */
  id: z.string(),
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

/** A page of a list: how many items a page holds, how many the whole list has, and the cursor of the next page (null: last). */
export const PageSchema = z.object({ limit: z.number(), total: z.number(), next: z.string().nullable() });

export const TablesResponseSchema = z.object({
  page: PageSchema,
  tables: z.array(
    TableSummarySchema.extend({
      columns: z.number(),
      personalColumns: z.number(),
      referencedBy: z.number(),
    }),
  ),
});

export const ReferencedByResponseSchema = z.object({
  /** The referenced table's id and name. */
  id: z.string(),
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

/** One engagement of a vendor by a system (the inventory's vendor flow), as every answer reports it. */
export const FlowSchema = z.object({
  id: z.string(),
  system: z.string(),
  service: z.string().nullable(),
  purpose: z.string(),
  role: z.string(),
  retention: z.string().nullable(),
  legalName: z.string().nullable(),
  /** The safeguard the inventory documents; null = not documented. */
  mechanism: MechanismSchema.nullable(),
  transfer: TransferStatusSchema,
  countries: z.array(CountrySchema.extend({ role: z.enum(["entity", "data"]), transfer: TransferStatusSchema })),
  /**
   * Whether the inventory names the fields this flow receives. `not-stated`: it names the engagement (a system's
   * sub-processor with "None" for its data, say) but no field; the flow is listed, never dropped, and receives no field.
   */
  fields: z.enum(["stated", "not-stated"]),
  /** Where the inventory states the engagement (and, for fields not stated, that gap). */
  provenance: ProvenanceListSchema,
});

/**
 * How a field reaches a vendor: node ids from the start to the vendor, each step an edge in the graph, and where each
 * step is stated or by which rule it is inferred (`provenance[i]` is `edges[i]`'s).
 */
export const EvidenceSchema = z.object({ nodes: z.array(z.string()), edges: z.array(z.string()), via: z.array(z.string()), provenance: z.array(ProvenanceListSchema) });

export const TraceVendorSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Each country and role over the vendor's flows in the answer, with the status needing most attention there. */
  countries: z.array(CountrySchema.extend({ role: z.enum(["entity", "data"]), transfer: TransferStatusSchema })),
  transfer: TransferStatusSchema,
  /** The mechanism when every flow to this vendor in the answer documents the same one; null otherwise. */
  mechanism: MechanismSchema.nullable(),
  flows: z.array(FlowSchema),
  categories: z.array(z.object({ id: z.string(), name: z.string() })),
  fields: z.array(
    z.object({
      id: z.string(),
      system: z.string(),
      table: z.string(),
      column: z.string(),
      category: z.string().nullable(),
      categoryId: z.string().nullable(),
      evidence: EvidenceSchema,
    }),
  ),
  /** How many fields this vendor receives in the answer; `fields` lists the first page of them (all of them in a report). */
  fieldCount: z.number(),
  /** More fields than listed: `GET /api/trace/fields` (same filters, this vendor, `cursor`) gives the next page. */
  fieldsNext: z.string().nullable().optional(),
  systems: z.array(z.string()),
  services: z.array(z.string()),
  purposes: z.array(z.string()),
  retention: z.array(z.string()),
});

/** `GET /api/trace/vendors`: the next page of a trace's vendors. */
export const TraceVendorsResponseSchema = z.object({ vendors: z.array(TraceVendorSchema), vendorCount: z.number(), next: z.string().nullable() });
/** `GET /api/trace/fields`: the next page of one vendor's fields in a trace. */
export const TraceFieldsResponseSchema = z.object({ vendor: z.string(), fields: TraceVendorSchema.shape.fields, fieldCount: z.number(), next: z.string().nullable() });
/**
 * A column of our estate the start's data is copied into: `stated` when every copy on its path maps columns as the
 * inventory (or an observed DIRECT column lineage) states them, `category-scoped` when one of them is a copy whose column
 * mapping is not stated (its landing inferred, `same-category`, in the evidence's provenance).
 */
export const TraceDownstreamSchema = z.object({
  column: z.string(),
  table: z.string(),
  system: z.string(),
  name: z.string(),
  /** The column's data category (its name), null when it has none. */
  category: z.string().nullable(),
  categoryId: z.string().nullable(),
  mapping: z.enum(["stated", "category-scoped"]),
  evidence: EvidenceSchema,
});

export const TraceFiltersSchema = z.object({
  categories: z.array(z.string()),
  vendors: z.array(z.string()),
  countries: z.array(z.string()),
  transfers: z.array(TransferStatusSchema),
  /** The data set: only these systems' flows and columns (empty = every system). Facets and counts describe this scope. */
  systems: z.array(z.string()),
});

const FacetSchema = z.object({ value: z.string(), label: z.string(), transfer: TransferStatusSchema.optional() });

export const TraceResponseSchema = z.object({
  from: z.object({ id: z.string(), kind: NodeKindSchema, label: z.string(), system: z.string().nullable() }),
  /** The filters applied to this answer: vendors, elements and counts all describe the filtered answer. */
  filters: TraceFiltersSchema,
  /** What the unfiltered answer holds, to choose filters from ("not-stated" is a country value of its own). */
  facets: z.object({ categories: z.array(FacetSchema), vendors: z.array(FacetSchema), countries: z.array(FacetSchema), transfers: z.array(TransferStatusSchema) }),
  /** Vendors in the unfiltered answer. */
  totalVendors: z.number(),
  /** Vendors in the filtered answer; `vendors` lists the first page of them (every one in a report or export). */
  vendorCount: z.number(),
  vendors: z.array(TraceVendorSchema),
  /** More vendors than listed: `GET /api/trace/vendors` (same query, `cursor`) gives the next page; null: the list is complete. */
  next: z.string().nullable().optional(),
  /** The systems whose data the answer shows. */
  systems: z.array(z.string()),
  /** `columns`: every column drawn; `tables`: a large answer collapsed to tables → vendors (`detail=columns` or `expand=` draws columns). */
  detail: z.enum(["columns", "tables"]),
  /** Tables drawn with their columns although the answer is collapsed (`expand=`). */
  expanded: z.array(z.string()),
  elements: ElementsSchema,
  truncated: z.boolean(),
  omitted: OmittedSchema,
  /**
   * Where the answer's data goes into another of our systems without a stated copy into a loaded table of it (issue
   * 18): categories a system sends without naming tables, and copies into a system (or table) not loaded, drawn as
   * edges to that system ("not loaded" when it is not). Copies into loaded tables are followed like any copy.
   */
  toSystems: z
    .array(
      z.object({
        flow: z.string(),
        system: z.string(),
        target: z.string(),
        name: z.string(),
        /** What the drawn edge into it says (`Flow into X: tables not stated`, `…: system not loaded`): the app and the DPIA figure both print it. */
        label: z.string(),
        loaded: z.boolean(),
        /** Null while the target is not loaded: its countries are not known. */
        transfer: TransferStatusSchema.nullable(),
        categories: z.array(z.string()),
        columns: z.array(z.string()),
      }),
    )
    .optional(),
  /** A trace scoped to some systems still follows their data into others: those systems, whose nodes are marked `outside`. */
  outsideSelection: z.array(z.string()).optional(),
  /**
   * Where the start's data lands inside our own estate (any system, whether or not a vendor receives it further on):
   * each column beyond the start columns that a copy carries its data into, with the path that reaches it. Not a
   * vendor flow. A category filter keeps the columns of those categories; a vendor, country or transfer filter keeps
   * the columns on the paths to the flows it keeps (see ARCHITECTURE.md, flow semantics).
   */
  downstream: z.array(TraceDownstreamSchema).optional(),
});

export const TransfersResponseSchema = z.object({
  page: PageSchema,
  transfers: z.array(
    z.object({
      flow: z.string(),
      /** Where the flow goes: a vendor, or another of the company's own systems (then `vendor` is that system). */
      to: z.enum(["vendor", "system"]),
      system: z.string(),
      systemName: z.string(),
      vendor: z.object({ id: z.string(), name: z.string() }),
      service: z.string().nullable(),
      purpose: z.string(),
      categories: z.array(z.object({ id: z.string(), name: z.string() })),
      countries: z.array(CountrySchema.extend({ role: z.enum(["entity", "data"]) })),
      transfer: z.enum(["third-country", "not-stated"]),
      mechanism: MechanismSchema.nullable(),
      /** The mechanism as a reader sees it: its name, or "not documented". */
      safeguard: z.string(),
    }),
  ),
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
  mechanism: MechanismSchema.nullable(),
  transfer: TransferStatusSchema,
  entityCountry: CountrySchema.nullable(),
  dataCountries: z.array(CountrySchema),
  receives: z.array(z.object({ id: z.string(), table: z.string(), column: z.string(), category: z.string().nullable() })),
  sendsBack: z.array(z.object({ id: z.string(), table: z.string(), column: z.string(), category: z.string().nullable() })),
  /** Whether the inventory names the fields this flow receives (`not-stated`: the engagement is listed all the same). */
  fields: z.enum(["stated", "not-stated"]),
  /** Where the inventory states the engagement (and, for fields not stated, that gap). */
  provenance: ProvenanceListSchema,
});

export const VendorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  legalNames: z.array(z.string()),
  services: z.array(z.string()),
  systems: z.array(z.string()),
  countries: z.array(CountrySchema),
  /** The status of its flows taken together (the one needing most attention), and their mechanism when all agree. */
  transfer: TransferStatusSchema,
  mechanism: MechanismSchema.nullable(),
  fieldCount: z.number(),
  /**
   * Each system's own engagement of the vendor, with the status, safeguard, services, countries and fields of that
   * system's flows alone: what the Vendors page lists, one row each, so one system's transfer never stands for another's.
   */
  engagements: z.array(
    z.object({
      system: z.string(),
      transfer: TransferStatusSchema,
      mechanism: MechanismSchema.nullable(),
      services: z.array(z.string()),
      countries: z.array(CountrySchema),
      fieldCount: z.number(),
    }),
  ),
});

export const VendorsResponseSchema = z.object({ page: PageSchema, vendors: z.array(VendorSummarySchema) });
export const VendorResponseSchema = z.object({ vendor: VendorSummarySchema.extend({ address: z.string().nullable() }), flows: z.array(VendorFlowSchema), elements: ElementsSchema });

export const PathsResponseSchema = z.object({
  from: z.string(),
  to: z.string(),
  paths: z.array(z.object({ nodes: z.array(z.string()), length: z.number() })),
  elements: ElementsSchema,
});

export const OverviewResponseSchema = z.object({
  systems: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      tables: z.number(),
      vendors: z.number(),
      /**
       * Our other systems this one is connected with by a flow between own systems, whatever the data set (issue 18):
       * those it sends data to and those that send data to it (system ids, loaded or not), for the picker to offer.
       */
      connected: z.object({ sendsTo: z.array(z.string()), receivesFrom: z.array(z.string()) }).optional(),
    }),
  ),
  /**
   * Each vendor with the systems that use it and the status of those flows (`transfer`: the one needing most attention
   * over all of them, for the shared vendor node), and each system's own engagement of it with the status of that
   * system's flows alone (what groups and per-system counts read).
   */
  vendors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      systems: z.array(z.string()),
      countries: z.array(CountrySchema),
      transfer: TransferStatusSchema,
      mechanism: MechanismSchema.nullable(),
      engagements: z.array(z.object({ system: z.string(), transfer: TransferStatusSchema })),
    }),
  ),
  /** How the drawing groups vendors: `none` draws each; a large overview groups them (`group=auto`, the default). */
  grouping: z.enum(["none", "transfer", "country"]),
  /** Groups drawn as their vendors (`expand=`). */
  expanded: z.array(z.string()),
  elements: ElementsSchema,
  truncated: z.boolean(),
  omitted: OmittedSchema,
  /** Flows into our other systems, drawn system → system (`loaded: false`: the target is not loaded; transfer null then). */
  systemFlows: z
    .array(z.object({ flow: z.string(), system: z.string(), target: z.string(), loaded: z.boolean(), transfer: TransferStatusSchema.nullable(), categories: z.array(z.string()), tables: z.number() }))
    .optional(),
});

export const HealthResponseSchema = z.object({
  status: z.literal("ok"),
  neo4j: z.object({ version: z.string(), edition: z.string() }),
  counts: z.object({ nodes: z.number(), relationships: z.number() }),
});

export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

/** What an erasure request does with data, as the inventory states it (`keep` carries its reason). */
export const ErasureAnswerSchema = z.object({
  action: z.enum(["erase", "anonymise", "keep"]),
  reason: z.string().nullable(),
  retention: z.string().nullable(),
  /** Where the action is stated: the entry of the table or column that states it. */
  provenance: ProvenanceListSchema,
});

/** `/api/where`: everything an access or erasure request for a data category (or a data subject) must touch. */
export const WhereResponseSchema = z.object({
  asked: z.object({ id: z.string(), kind: z.enum(["category", "subject"]), name: z.string(), system: z.string().nullable() }),
  /** How many columns hold the data; `columns` lists the first page of them (`next`: `GET /api/where/columns` for more). */
  columnCount: z.number(),
  next: z.string().nullable().optional(),
  /** Each column holding the data (this page of them), with its table; `erasure` is the column's own stated action, else its table's (`erasureFrom`), else null (not stated). */
  columns: z.array(
    z.object({
      id: z.string(),
      system: z.string(),
      tableId: z.string(),
      table: z.string(),
      tableTitle: z.string().nullable(),
      column: z.string(),
      category: z.string().nullable(),
      erasure: ErasureAnswerSchema.nullable(),
      erasureFrom: z.enum(["column", "table"]).nullable(),
      /** Where the column is stated (and a suggested category, if `discover` guessed it). */
      provenance: ProvenanceListSchema,
    }),
  ),
  /** How many tables hold those columns; `tables` lists the first page of them (`tablesNext`: `GET /api/where/tables` for more). */
  tableCount: z.number(),
  tablesNext: z.string().nullable(),
  /**
   * The tables those columns are in (this page of them): each an item of the checklist, with the columns that find the person there
   * (`identity`: stated by the inventory, or null = not stated) and the erasure action the inventory states for the
   * table (null = not stated); `columnErasure` lists the columns of this answer whose own stated action differs.
   */
  tables: z.array(
    z.object({
      id: z.string(),
      system: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      columns: z.array(z.string()),
      /** `provenance`: the table's entry, which states the identity columns. */
      identity: z.object({ columns: z.array(z.string()), basis: z.literal("stated"), provenance: ProvenanceListSchema }).nullable(),
      erasure: ErasureAnswerSchema.nullable(),
      columnErasure: z.array(ErasureAnswerSchema.extend({ column: z.string() })),
      /** Where the table is stated. */
      provenance: ProvenanceListSchema,
    }),
  ),
  /** How many tables reference those tables; `referencing` lists the first page of them (`referencingNext`: `GET /api/where/referencing` for more). */
  referencingCount: z.number(),
  referencingNext: z.string().nullable(),
  /**
   * Tables that reference one of those tables (foreign keys; this page of them): an erasure must also touch their rows, found through
   * the referencing `columns` (stated references); `erasure` is the referencing table's own stated action (null: not stated).
   */
  referencing: z.array(
    z.object({
      id: z.string(),
      system: z.string(),
      name: z.string(),
      title: z.string().nullable(),
      references: z.string(),
      referencesName: z.string(),
      columns: z.array(z.string()),
      erasure: ErasureAnswerSchema.nullable(),
      /** Where the reference is stated (the referencing columns' entries, or a `references` entry). */
      provenance: ProvenanceListSchema,
    }),
  ),
  /**
   * Sources that write the data (they fill a column, feed its table, or copy into it), grouped by system and name
   * (`Users × 3`): `count` sources of that name, each listed in `sources`.
   */
  sources: z.array(
    z.object({
      /** `<system>/<name>`: the group's key (a checklist tick), not a node id. */
      key: z.string(),
      system: z.string(),
      name: z.string(),
      count: z.number().int().positive(),
      how: z.array(z.enum(["fills", "feeds", "copies"])),
      columns: z.array(z.string()),
      /** Every statement of its sources (each source's entry and the lines by which it writes this data). */
      provenance: ProvenanceListSchema,
      sources: z.array(
        z.object({
          id: z.string(),
          how: z.array(z.enum(["fills", "feeds", "copies"])),
          columns: z.array(z.string()),
          /** The source's entry (or its OpenLineage run) and the lines stating how it writes this data (a copy by category: inferred). */
          provenance: ProvenanceListSchema,
        }),
      ),
    }),
  ),
  /** Vendor flows that receive the data, with the flow's transfer status (computed at load). */
  vendors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      flow: z.string(),
      system: z.string(),
      service: z.string().nullable(),
      purpose: z.string(),
      legalName: z.string().nullable(),
      transfer: TransferStatusSchema,
      mechanism: MechanismSchema.nullable(),
      /** The mechanism in words, or "not documented". */
      safeguard: z.string(),
      countries: z.array(CountrySchema.extend({ role: z.enum(["entity", "data"]) })),
      columns: z.array(z.string()),
      /** How long the vendor keeps the data, as the engagement states it (null: not stated). */
      retention: z.string().nullable(),
      /** Where the request goes at the vendor: its privacy/erasure/DPA contact as stated (null: not stated). */
      privacyContact: z.string().nullable(),
      /** The engagement's entry and the `receives` lines naming the fields of this answer it receives. */
      provenance: ProvenanceListSchema,
    }),
  ),
});

/** A stated fact, or null where the inventory is silent (the records then say "not documented" and list a gap). */
const Stated = z.string().nullable();
const StatedMeasure = z.union([z.boolean(), z.string()]).nullable();

/**
 * One Article 30 record. `30(1)`: a controller's (or joint controller's, or a record whose role is not documented)
 * processing activity, or a purpose no documented activity groups (`recordFrom: purpose`), or a vendor flow's purpose
 * text no purpose takes (`recordFrom: vendor-flow`). `30(2)`: a processor's processing for one controller served
 * (`controllerServed`, null when not documented), one record per controller and activity/purpose.
 */
export const RopaRowSchema = z.object({
  system: z.string(),
  systemName: z.string(),
  article: z.enum(["30(1)", "30(2)"]),
  /** The activity's name, or the purpose's when no activity is documented. */
  record: z.string(),
  recordFrom: z.enum(["activity", "purpose", "vendor-flow"]),
  /** The activity's section in the source document, when stated. */
  section: Stated,
  purposes: z.array(z.string()),
  role: z.enum(["controller", "processor", "joint-controller"]).nullable(),
  controllerServed: Stated,
  /** A joint controller's other controllers. */
  jointControllers: z.array(z.string()),
  organisation: z.object({ name: Stated, contact: Stated, address: Stated, dpoName: Stated, dpoContact: Stated, repName: Stated, repContact: Stated }),
  lawfulBasis: z.enum(["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"]).nullable(),
  legitimateInterest: Stated,
  liaLink: Stated,
  /** The special categories (Art. 9/10) the record's data includes. */
  specialCategories: z.array(z.string()),
  specialCategoryCondition: Stated,
  subjects: z.array(z.string()),
  categories: z.array(z.string()),
  sources: z.array(z.string()),
  volume: Stated,
  /** The activity's own retention (never a vendor's: those are on `recipients`). */
  retention: Stated,
  automatedDecisions: StatedMeasure,
  /** `fields`: whether the inventory names the fields the flow receives (`not-stated`: the engagement is listed all the same). */
  recipients: z.array(
    z.object({
      vendor: z.string(),
      legalName: z.string().nullable(),
      role: z.string(),
      service: z.string().nullable(),
      flow: z.string(),
      fields: z.enum(["stated", "not-stated"]),
      retention: Stated,
    }),
  ),
  transfers: z.array(z.object({ vendor: z.string(), flow: z.string(), countries: z.array(z.string()), transfer: TransferStatusSchema, safeguard: z.string() })),
  security: z.object({
    encryptionAtRest: StatedMeasure,
    encryptionInTransit: StatedMeasure,
    accessControl: StatedMeasure,
    pseudonymisation: StatedMeasure,
    logging: StatedMeasure,
    notes: Stated,
  }),
  location: z.object({ hostingCountries: z.array(z.string()).nullable(), legalName: Stated, entityCountry: Stated }),
  sourceDocument: Stated,
  /** What the inventory does not document in this record: the column (its header) and what is missing there. */
  gaps: z.array(z.object({ field: z.string(), missing: z.string() })),
});
export const RopaCoverSchema = z.object({
  date: z.string(),
  files: z.array(z.object({ system: z.string(), systemName: z.string(), file: Stated, sha256: Stated, organisation: Stated })),
});
export const RopaResponseSchema = z.object({ cover: RopaCoverSchema, rows: z.array(RopaRowSchema) });

export type Provenance = z.infer<typeof ProvenanceSchema>;
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
export type TraceDownstream = z.infer<typeof TraceDownstreamSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type TransferStatus = z.infer<typeof TransferStatusSchema>;
export type Mechanism = z.infer<typeof MechanismSchema>;
export type Flow = z.infer<typeof FlowSchema>;
export type TraceFilters = z.infer<typeof TraceFiltersSchema>;
export type CountriesResponse = z.infer<typeof CountriesResponseSchema>;
export type TransfersResponse = z.infer<typeof TransfersResponseSchema>;
export type TraceResponse = z.infer<typeof TraceResponseSchema>;
export type TraceVendorsResponse = z.infer<typeof TraceVendorsResponseSchema>;
export type TraceFieldsResponse = z.infer<typeof TraceFieldsResponseSchema>;
export type VendorFlow = z.infer<typeof VendorFlowSchema>;
export type VendorSummary = z.infer<typeof VendorSummarySchema>;
export type VendorsResponse = z.infer<typeof VendorsResponseSchema>;
export type VendorResponse = z.infer<typeof VendorResponseSchema>;
export type PathsResponse = z.infer<typeof PathsResponseSchema>;
export type OverviewResponse = z.infer<typeof OverviewResponseSchema>;
export type Omitted = z.infer<typeof OmittedSchema>;
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
export type WhereResponse = z.infer<typeof WhereResponseSchema>;
/** `GET /api/where/columns`: the next page of the columns an answer of `/api/where` lists. */
export const WhereColumnsResponseSchema = z.object({ columns: WhereResponseSchema.shape.columns, columnCount: z.number(), next: z.string().nullable() });
export type WhereColumnsResponse = z.infer<typeof WhereColumnsResponseSchema>;
/** `GET /api/where/tables`: the next page of the tables an answer of `/api/where` lists. */
export const WhereTablesResponseSchema = z.object({ tables: WhereResponseSchema.shape.tables, tableCount: z.number(), next: z.string().nullable() });
export type WhereTablesResponse = z.infer<typeof WhereTablesResponseSchema>;
/** `GET /api/where/referencing`: the next page of the referencing tables an answer of `/api/where` lists. */
export const WhereReferencingResponseSchema = z.object({ referencing: WhereResponseSchema.shape.referencing, referencingCount: z.number(), next: z.string().nullable() });
export type WhereReferencingResponse = z.infer<typeof WhereReferencingResponseSchema>;
export type RopaRow = z.infer<typeof RopaRowSchema>;
export type RopaResponse = z.infer<typeof RopaResponseSchema>;
export type RopaCover = z.infer<typeof RopaCoverSchema>;
