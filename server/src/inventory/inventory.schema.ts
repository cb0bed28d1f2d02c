/**
 * The inventory format: one file describes the personal data held by one system.
 * Every built-in data file and every user's own inventory goes through these schemas;
 * the TypeScript types and the JSON Schema (seed/inventory.schema.json) are derived from them.
 */
import { z } from "zod";

import { MECHANISMS } from "../contract/api.js";

/** Lower-case, dash-separated key, e.g. `kentico-cloud`, `email-address`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by dashes, e.g. 'email-address'");

/** A table or logical entity name: letters, digits and underscores, e.g. `CMS_User`, `KontentAi_User`. */
export const EntityName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, "must be a table name of letters, digits and underscores, e.g. 'CMS_User'");

/** A column or field name; logical entities may use spaces ("Email address"). */
export const FieldName = z
  .string()
  .min(1)
  .max(120)
  .refine((s) => !s.includes(".") && s.trim() === s, "must not contain '.' or leading/trailing spaces");

/** ISO 3166-1 alpha-2 code, upper case. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 country code, e.g. 'DE'");

/**
 * `Table.Column` (one column) or `Table.*` (every personal column of the table).
 * Used wherever a flow names the fields it carries.
 */
export const FieldRef = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*\.(?:\*|[^.]+)$/, "must be 'Table.Column' or 'Table.*'");

/** `Table.Column`: exactly one column. */
export const ColumnRef = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*\.[^.*]+$/, "must be 'Table.Column'");

const Text = z.string().min(1).max(2000);

/**
 * Where in the source document (`system.document`) the entry's facts are stated: a section heading or a table's
 * caption, cited with the file and line of every fact (provenance). An entity without it cites its `label`.
 */
const Section = z.string().min(1).max(300).optional();

/**
 * The safeguard a transfer to a third country relies on (GDPR Chapter V): an adequacy decision (Art. 45), the EU-US Data
 * Privacy Framework (the US adequacy decision, for certified organisations), standard contractual clauses or binding
 * corporate rules (Art. 46), or a derogation (Art. 49). Absent means the inventory does not document one.
 */
export const TransferMechanism = z.enum(MECHANISMS);

/** Art. 30 records: who is responsible for a processing activity. */
export const PROCESSING_ROLES = ["controller", "processor", "joint-controller"] as const;
export const ProcessingRole = z.enum(PROCESSING_ROLES);

/** Art. 6(1)(a)–(f), in that order. */
export const LAWFUL_BASES = ["consent", "contract", "legal-obligation", "vital-interests", "public-task", "legitimate-interests"] as const;
export const LawfulBasis = z.enum(LAWFUL_BASES);

/** Art. 32 measures; each a statement (true/false, or the words of the inventory). */
const Measure = z.union([z.boolean(), z.string().min(1).max(500)]);
export const SecuritySchema = z
  .object({
    encryptionAtRest: Measure.optional(),
    encryptionInTransit: Measure.optional(),
    accessControl: Measure.optional(),
    pseudonymisation: Measure.optional(),
    logging: Measure.optional(),
    notes: Text.optional(),
  })
  .strict();

const Contact = z.string().min(1).max(300);
/** The controller (or the processor, for its own records) that keeps the inventory: Art. 30(1)(a), 30(2)(a). */
export const OrganisationSchema = z
  .object({
    name: z.string().min(1).max(200),
    contact: Contact.optional(),
    address: z.string().min(1).max(500).optional(),
    dpo: z.object({ name: z.string().min(1).optional(), contact: Contact }).strict().optional(),
    /** The EU representative (Art. 27), for an organisation established outside the EU. */
    representative: z.object({ name: z.string().min(1), contact: Contact }).strict().optional(),
  })
  .strict();

/**
 * A processing activity: purposes grouped as one Art. 30 record. `role` absent = the system's role; `controllers`: the
 * controllers a processor acts for (Art. 30(2)(a)), or a joint controller's other controllers (Art. 30(1)(a)); `specialCategoryCondition`: the Art. 9(2) condition relied on when
 * the purposes use a special category (its absence is a gap the records list).
 */
export const ActivitySchema = z
  .object({
    id: Slug,
    name: z.string().min(1).max(200),
    role: ProcessingRole.optional(),
    controllers: z.array(z.string().min(1).max(200)).optional(),
    lawfulBasis: LawfulBasis.optional().describe("GDPR Art. 6(1)(a)-(f)"),
    legitimateInterest: Text.optional(),
    liaLink: z.string().min(1).max(1000).optional().describe("where the legitimate-interest assessment is kept"),
    specialCategoryCondition: z.string().min(1).max(500).optional().describe("GDPR Art. 9(2) condition, e.g. '9(2)(a) explicit consent'"),
    subjects: z.array(Slug).default([]),
    volume: z.string().min(1).max(200).optional().describe("number of people, as stated"),
    retention: z.string().min(1).max(500).optional().describe("how long the activity keeps its data"),
    automatedDecisions: z.union([z.boolean(), Text]).optional().describe("Art. 22 automated decision-making: false, or what is decided"),
    purposes: z.array(Slug).min(1),
    /** The document section that groups the purposes, for provenance. */
    section: z.string().min(1).max(300).optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if ((a.legitimateInterest || a.liaLink) && a.lawfulBasis && a.lawfulBasis !== "legitimate-interests")
      ctx.addIssue({ code: "custom", path: ["legitimateInterest"], message: "a legitimate interest (and its assessment) goes with lawfulBasis 'legitimate-interests'" });
  });

export const SystemSchema = z
  .object({
    id: Slug,
    name: z.string().min(1).max(200),
    kind: z.enum(["self-hosted", "saas"]),
    description: Text.optional(),
    /** Where the facts come from (document title / file), for provenance in reports. */
    document: z.object({ title: z.string().min(1), file: z.string().optional(), url: z.string().optional() }).optional(),
    /**
     * Absent: a person's document (YAML, spreadsheet, Fides). `openlineage`: built from OpenLineage run events
     * (`npm run import -- --format openlineage`), which may add to it later but never replace a document's system.
     */
    /**
     * The legal entity that runs the system and the countries where it holds the data (optional; absent = "not stated").
     * A flow into a system owned or hosted outside the EEA is a transfer, by the same rule as a vendor flow.
     */
    legalEntity: z.object({ name: z.string().min(1).optional(), country: CountryCode.optional() }).strict().optional(),
    hostingCountries: z.array(CountryCode).optional(),
    /** The role the system's owner plays for the data it holds unless an activity says otherwise (GDPR Art. 4(7)/(8), Art. 26). */
    role: ProcessingRole.optional(),
    /** Security measures (Art. 32, recorded under Art. 30(1)(g)/(2)(d)); absent = not documented. */
    security: SecuritySchema.optional(),
    origin: z.enum(["openlineage"]).optional(),
    /** origin `openlineage`: the run events it is built from (one JSON text each), so events imported later add to them. */
    observedEvents: z.array(z.string()).optional(),
  })
  .strict();

export const SubjectSchema = z
  .object({
    id: Slug,
    name: z.string().min(1),
    description: Text.optional(),
  })
  .strict();

/** A data category the system declares beyond the shared catalogue (seed/catalogue/categories.yaml). */
export const CategorySchema = z
  .object({
    id: Slug,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)).default([]),
    special: z.boolean().default(false).describe("GDPR Art. 9/10 special category"),
    /** The fideslang data category key this category corresponds to (e.g. `user.contact.email`), used by the Fides import/export. */
    fideslang: z.string().regex(/^[a-z0-9_]+(?:\.[a-z0-9_]+)*$/, "must be a fideslang key, e.g. 'user.contact.email'").optional(),
  })
  .strict();

export const PurposeSchema = z
  .object({
    id: Slug,
    name: z.string().min(1).max(200),
    description: Text.optional(),
    /** Vendors (ids from `vendors[].vendor.id`) this purpose relies on. */
    vendors: z.array(Slug).default([]),
  })
  .strict();

/**
 * What an erasure request may do with a table's (or a column's) data, as the inventory states it: `erase` it,
 * `anonymise` it, or `keep` it, with the reason (a legal obligation, a contract…) and, when stated, for how long.
 * Absent means not stated: the checklist says so and never guesses one.
 */
export const ErasureSchema = z
  .object({
    action: z.enum(["erase", "anonymise", "keep"]),
    reason: Text.optional(),
    retention: z.string().min(1).max(200).optional(),
  })
  .strict()
  .refine((e) => e.action !== "keep" || !!e.reason, { message: "'keep' needs the reason the data is kept", path: ["reason"] });

/**
 * Where OpenLineage run events saw a table, a column or a column copy: the job and the run of the latest event that
 * names it, and that event's time. Set by `npm run import -- --format openlineage`; cited as `observed` provenance.
 */
export const ObservationSchema = z
  .object({
    jobNamespace: z.string().min(1),
    job: z.string().min(1),
    runId: z.string().min(1),
    eventTime: z.string().min(1),
  })
  .strict();

export const ColumnSchema = z
  .object({
    name: FieldName,
    kind: z.enum(["personal", "system", "reference"]),
    /** Category id (shared catalogue or `categories`); personal columns should have one. */
    category: Slug.optional(),
    /** The document's own wording of the category, e.g. "Contact information". */
    categoryLabel: z.string().optional(),
    purposes: z.array(Slug).default([]),
    /** For reference columns: the table the column points at, when the document names it. */
    references: EntityName.optional(),
    description: Text.optional(),
    /** Set by `npm run discover`: the category was guessed from the column's name or type and awaits a person's review. */
    suggested: z.boolean().optional(),
    /** The column holds its category masked or pseudonymised (hashed, tokenised…), e.g. a copy an OpenLineage job marks `masking: true`. */
    pseudonymised: z.boolean().optional(),
    /** What an erasure request does with this column, when it differs from its table's `erasure`. */
    erasure: ErasureSchema.optional(),
    /** Seen in OpenLineage run events (a dataset's `schema` facet or its column lineage), not stated by a document. */
    observed: ObservationSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.kind === "personal" && !c.category) {
      ctx.addIssue({ code: "custom", path: ["category"], message: "a personal column needs a data category" });
    }
    if (c.references && c.kind !== "reference") {
      ctx.addIssue({ code: "custom", path: ["references"], message: "only a column of kind 'reference' can reference a table" });
    }
  });

export const EntitySchema = z
  .object({
    name: EntityName,
    /** Human label, e.g. the document's section heading ("Accounts"). */
    label: z.string().optional(),
    section: Section,
    /** `table` for database tables; `logical` for a SaaS record with named fields; `mentioned` for tables only named in references. */
    kind: z.enum(["table", "logical", "mentioned"]).default("table"),
    description: Text.optional(),
    subjects: z.array(Slug).default([]),
    columns: z.array(ColumnSchema).default([]),
    /** The columns that find the data subject's record in this table, as the document states them (each one alone). */
    identity: z.array(FieldName).min(1).optional(),
    /** What an erasure request does with this table's rows (absent: not stated). */
    erasure: ErasureSchema.optional(),
    /** Seen in OpenLineage run events (a dataset), not stated by a document. */
    observed: ObservationSchema.optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    e.identity?.forEach((name, i) => {
      if (!e.columns.some((c) => c.name === name)) ctx.addIssue({ code: "custom", path: ["identity", i], message: `'${name}' is not a column of ${e.name}` });
    });
  });

/** An OpenLineage job as its run events report it: the job, its runs (each run's latest event) and the producer. */
export const ObservedSchema = z
  .object({
    jobNamespace: z.string().min(1),
    job: z.string().min(1),
    runs: z.array(z.object({ runId: z.string().min(1), eventType: z.string().min(1), eventTime: z.string().min(1) }).strict()).min(1),
    producer: z.string().min(1),
  })
  .strict();

export const SourceSchema = z
  .object({
    id: Slug,
    name: z.string().min(1).max(200),
    description: Text.optional(),
    /** Entities this source fills. */
    feeds: z.array(EntityName).min(1),
    /** Entities the source copies data from (e.g. COM_Customer → CMS_User). */
    copiesFrom: z.array(EntityName).default([]),
    /** The particular columns/fields it fills, when the document says so (SaaS data items). */
    fills: z.array(FieldRef).default([]),
    /**
     * Column-to-column copies, when the inventory states them exactly. Without them a `copiesFrom` copy carries each
     * category the origin table holds into the fed tables' columns of the same category, and nothing else.
     */
    copies: z.array(z.object({ from: ColumnRef, to: ColumnRef, /** The OpenLineage event that last stated this column lineage. */ observed: ObservationSchema.optional() }).strict()).default([]),
    /** A source seen at work rather than stated: the OpenLineage job whose run events it was built from. */
    observed: ObservedSchema.optional(),
    section: Section,
  })
  .strict();

export const ReferenceSchema = z
  .object({
    from: EntityName,
    columns: z.array(FieldName).min(1),
    to: EntityName,
    /** How the document states it: in the referencing table's section ("outgoing") or the referenced table's ("incoming"). */
    form: z.enum(["outgoing", "incoming"]).default("incoming"),
    description: Text.optional(),
  })
  .strict();

export const VendorIdentitySchema = z
  .object({
    id: Slug,
    name: z.string().min(1),
    legalName: z.string().optional(),
    /** Registered office address as published (short, factual). */
    address: z.string().optional(),
    /** Where a data subject's access or erasure request goes at this vendor (privacy/DPO email, form URL), when stated. */
    privacyContact: z.string().min(1).max(300).optional(),
  })
  .strict();

export const VendorFlowSchema = z
  .object({
    vendor: VendorIdentitySchema,
    /** The vendor's product used, when the company offers several (e.g. "Loggly", "S3"). */
    service: z.string().optional(),
    role: z.enum(["sub-processor", "third-party", "storage"]).default("third-party"),
    purpose: z.string().min(1),
    entityCountry: CountryCode.optional(),
    dataCountries: z.array(CountryCode).default([]),
    retention: z.string().optional(),
    mechanism: TransferMechanism.optional().describe("safeguard for a transfer outside the EEA; absent = not documented"),
    receives: z.array(FieldRef).default([]),
    sendsBack: z.array(FieldRef).default([]),
    description: Text.optional(),
    section: Section,
  })
  .strict();

/**
 * A flow from this system into another of the company's own systems (issue 18): tables of ours copied into tables of
 * that system (column pairs when stated, else category-scoped as a copy inside a system), and/or data categories sent
 * without naming tables. Owned by this file: reloading the other system keeps it; the target is matched after every
 * load and shown "system not loaded" while it is not.
 */
export const SystemFlowSchema = z
  .object({
    /** The other system's id. */
    to: Slug,
    description: Text.optional(),
    mechanism: TransferMechanism.optional().describe("safeguard when the other system is owned or hosted outside the EEA; absent = not documented"),
    copies: z
      .array(
        z
          .object({
            /** A table of this system. */
            from: EntityName,
            /** A table of the other system. */
            to: EntityName,
            /** Column to column, when stated exactly (`from` a column of ours, `to` one of theirs). */
            columns: z.array(z.object({ from: FieldName, to: FieldName }).strict()).default([]),
          })
          .strict(),
      )
      .default([]),
    /** Data categories sent without naming tables (as a Fides egress does). */
    categories: z.array(Slug).default([]),
  })
  .strict()
  .refine((f) => f.copies.length > 0 || f.categories.length > 0, "needs 'copies' or 'categories' (what goes into the other system)");

export const InventorySchema = z
  .object({
    $schema: z.string().optional(),
    system: SystemSchema,
    subjects: z.array(SubjectSchema).default([]),
    categories: z.array(CategorySchema).default([]),
    purposes: z.array(PurposeSchema).default([]),
    entities: z.array(EntitySchema).min(1),
    sources: z.array(SourceSchema).default([]),
    references: z.array(ReferenceSchema).default([]),
    vendors: z.array(VendorFlowSchema).default([]),
    /** Flows into the company's other systems. */
    systemFlows: z.array(SystemFlowSchema).default([]),
    organisation: OrganisationSchema.optional(),
    activities: z.array(ActivitySchema).default([]),
  })
  .strict();

export type Inventory = z.infer<typeof InventorySchema>;
export type InventoryInput = z.input<typeof InventorySchema>;
export type Entity = z.infer<typeof EntitySchema>;
export type Column = z.infer<typeof ColumnSchema>;
export type Observation = z.infer<typeof ObservationSchema>;
export type VendorFlow = z.infer<typeof VendorFlowSchema>;
export type SystemFlow = z.infer<typeof SystemFlowSchema>;
export type Activity = z.infer<typeof ActivitySchema>;
export type ProcessingRoleName = z.infer<typeof ProcessingRole>;

/** Shared catalogues: categories and countries, used by every inventory. */
export const CategoryCatalogueSchema = z.object({ categories: z.array(CategorySchema).min(1) }).strict();

export const CountrySchema = z
  .object({
    code: CountryCode,
    /** ISO 3166-1 alpha-3 code (Fides' `third_country_transfers` use these). */
    alpha3: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 3166-1 alpha-3 country code, e.g. 'DEU'").optional(),
    name: z.string().min(1),
    eea: z.boolean(),
    aliases: z.array(z.string()).default([]),
  })
  .strict();
export const CountryCatalogueSchema = z.object({ countries: z.array(CountrySchema).min(1) }).strict();

/** The European Commission's adequacy decisions (GDPR Art. 45), as of a date. */
export const AdequacyCatalogueSchema = z
  .object({
    asOf: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    decisions: z.array(
      z
        .object({
          country: CountryCode,
          decided: z.union([z.string(), z.date()]).transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
          act: z.string().nullable().optional(),
          /** What the decision covers when it is not the whole country (e.g. US: DPF-certified organisations only). */
          scope: z.string().nullable().optional(),
          /** The decision covers a transfer only under this mechanism (US: organisations certified under the DPF). */
          requiresMechanism: TransferMechanism.optional(),
        })
        .strict(),
    ),
  })
  .loose();

export type Category = z.infer<typeof CategorySchema>;
export type Country = z.infer<typeof CountrySchema>;
export type AdequacyCatalogue = z.infer<typeof AdequacyCatalogueSchema>;
export type Mechanism = z.infer<typeof TransferMechanism>;
