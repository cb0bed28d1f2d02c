/**
 * Fides manifests (fideslang YAML) → one inventory per system, as `fides push` reads a directory of them: several
 * systems and datasets per file, a dataset bound to a system by `dataset_references` (on the system or a privacy
 * declaration) from any file, else to the one system of its own file; datasets no system takes make a system of their
 * file. `egress`/`ingress` of `type: system` (and the older `system_dependencies`) naming a system of the manifests, or
 * one already loaded, are flows between our systems (an egress and the matching ingress are one flow, owned by the
 * sending system); naming anything else, a vendor (egress) or a source (ingress).
 * `dataset:` collections become tables, their fields (nested fields as `parent/child`) columns, `data_categories`
 * our categories (seed/catalogue/fideslang.yaml), `fides_meta`/`fidesops_meta` references our references.
 * `system:` gives the system, its privacy declarations purposes and data subjects, its egress and dependencies
 * vendors (with `third_country_transfers` as the countries data goes to), its ingress sources. A system without a
 * dataset is described as this project describes a SaaS: one logical record per data subject, one field per category.
 */
import path from "node:path";

import { z } from "zod";

import type { CatalogueLookup } from "./catalogue.lookup.js";
import { BuiltSource, slugify, type ImportedInventory } from "./import.source.js";
import { InventoryValidationError, SourceFile, validateInventory, type InventoryIssue, type PathKey } from "../inventory/inventory.parse.js";
import { EntityName, type Activity, type InventoryInput } from "../inventory/inventory.schema.js";

/** fideslang `LegalBasisForProcessingEnum` (GDPR Art. 6(1)) → ours. */
export const LEGAL_BASES: Record<string, NonNullable<Activity["lawfulBasis"]>> = {
  Consent: "consent",
  Contract: "contract",
  "Legal obligations": "legal-obligation",
  "Vital interests": "vital-interests",
  "Public interest": "public-task",
  "Legitimate interests": "legitimate-interests",
};

const FidesKey = z.string().regex(/^[A-Za-z0-9_.<>-]+$/, "must be a fides_key (letters, digits, '_', '.', '-')");
const CategoryKeys = z.array(z.string().min(1));

const FidesReferenceSchema = z.looseObject({
  dataset: FidesKey,
  field: z.string().regex(/^[^.]+\..+$/, "must be 'collection.field'"),
  direction: z.enum(["to", "from"]).optional(),
});
const FieldMetaSchema = z.looseObject({ references: z.array(FidesReferenceSchema).nullish() });

interface FidesFieldShape {
  name: string;
  description?: string | null | undefined;
  data_categories?: string[] | null | undefined;
  fides_meta?: z.infer<typeof FieldMetaSchema> | null | undefined;
  fidesops_meta?: z.infer<typeof FieldMetaSchema> | null | undefined;
  fields?: FidesFieldShape[] | null | undefined;
}
const FidesFieldSchema: z.ZodType<FidesFieldShape> = z.lazy(() =>
  z.looseObject({
    name: z.string().min(1).refine((s) => !s.includes("."), "must not contain '.'"),
    description: z.string().nullish(),
    data_categories: CategoryKeys.nullish(),
    fides_meta: FieldMetaSchema.nullish(),
    fidesops_meta: FieldMetaSchema.nullish(),
    fields: z.array(FidesFieldSchema).nullish(),
  }),
);

export const FidesDatasetSchema = z.looseObject({
  fides_key: FidesKey,
  name: z.string().nullish(),
  description: z.string().nullish(),
  data_categories: CategoryKeys.nullish(),
  collections: z
    .array(
      z.looseObject({
        name: EntityName,
        description: z.string().nullish(),
        data_categories: CategoryKeys.nullish(),
        fields: z.array(FidesFieldSchema).default([]),
      }),
    )
    .min(1),
});

const DataFlowSchema = z.looseObject({ fides_key: FidesKey, type: z.string().default("system"), data_categories: CategoryKeys.nullish() });

export const FidesSystemSchema = z.looseObject({
  fides_key: FidesKey,
  name: z.string().nullish(),
  description: z.string().nullish(),
  legal_name: z.string().nullish(),
  legal_address: z.string().nullish(),
  responsibility: z.array(z.enum(["Controller", "Processor", "Sub-Processor"])).nullish(),
  dpo: z.string().nullish(),
  joint_controller_info: z.string().nullish(),
  data_security_practices: z.string().nullish(),
  privacy_declarations: z
    .array(
      z.looseObject({
        name: z.string().nullish(),
        data_use: z.string().min(1),
        data_categories: CategoryKeys.default([]),
        data_subjects: z.array(z.string().min(1)).default([]),
        dataset_references: z.array(FidesKey).nullish(),
        egress: z.array(FidesKey).nullish(),
        ingress: z.array(FidesKey).nullish(),
        retention_period: z.union([z.string(), z.number()]).nullish(),
        legal_basis_for_processing: z.enum(Object.keys(LEGAL_BASES) as [string, ...string[]]).nullish(),
        impact_assessment_location: z.string().nullish(),
        processes_special_category_data: z.boolean().nullish(),
        special_category_legal_basis: z.string().min(1).nullish(),
      }),
    )
    .default([]),
  egress: z.array(DataFlowSchema).nullish(),
  ingress: z.array(DataFlowSchema).nullish(),
  system_dependencies: z.array(FidesKey).nullish(),
  third_country_transfers: z.array(z.string()).nullish(),
  dataset_references: z.array(FidesKey).nullish(),
});

/** fideslang `ContactDetails` (every field defaults to ""). */
const ContactDetailsSchema = z.looseObject({ name: z.string().nullish(), address: z.string().nullish(), email: z.string().nullish(), phone: z.string().nullish() });
export const FidesOrganizationSchema = z.looseObject({
  fides_key: FidesKey,
  name: z.string().nullish(),
  controller: ContactDetailsSchema.nullish(),
  data_protection_officer: ContactDetailsSchema.nullish(),
  representative: ContactDetailsSchema.nullish(),
});

export const FidesManifestSchema = z
  .looseObject({ dataset: z.array(FidesDatasetSchema).nullish(), system: z.array(FidesSystemSchema).nullish(), organization: z.array(FidesOrganizationSchema).nullish() })
  .refine((m) => (m.dataset?.length ?? 0) + (m.system?.length ?? 0) > 0, "a Fides manifest needs a 'dataset:' or a 'system:' list");

type Column = NonNullable<InventoryInput["entities"][number]["columns"]>[number];
interface EntityDraft {
  name: string;
  kind: "table" | "logical" | "mentioned";
  label?: string;
  description?: string;
  subjects: string[];
  columns: Column[];
  /** Per column: the fideslang keys it had, to match privacy declarations and data flows. */
  keys: string[][];
  dataset?: string;
  fidesPath?: PathKey[];
  columnPaths: PathKey[][];
}

/** `job_applicant` → `Job applicant`. */
function humanise(key: string): string {
  const s = key.replace(/[_.]+/g, " ").trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `customer_support` → `CustomerSupport`, for logical record names. */
function pascal(key: string): string {
  return key
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** A declaration's category covers a column's key when it is the key or one of its parents. */
function covers(declared: string[], keys: string[]): boolean {
  return keys.some((k) => declared.some((d) => k === d || k.startsWith(`${d}.`)));
}

/** One manifest file, parsed. */
interface ManifestFile {
  file: string;
  src: SourceFile;
  manifest: z.infer<typeof FidesManifestSchema>;
}

/** A dataset of the manifests with the file and index it is at, for messages. */
interface PlacedDataset {
  ds: z.infer<typeof FidesDatasetSchema>;
  di: number;
  src: SourceFile;
}

/** One file alone (`validate`, a single file): it must describe one system. */
export function parseFidesManifest(file: string, text: string, lookup: CatalogueLookup): ImportedInventory {
  const out = parseFidesManifests([{ file, text }], lookup);
  if (out.length !== 1) {
    throw new InventoryValidationError([{ file, line: null, field: "system", message: `describes ${out.length} systems; import it with \`npm run import\`, which reads every system of the manifests` }]);
  }
  return out[0]!;
}

/** The fides_keys of systems that manifests' flows name (egress, ingress, system_dependencies): which of them are loaded decides system or vendor. */
export function fidesFlowKeys(files: readonly { file: string; text: string }[]): string[] {
  const keys = new Set<string>();
  for (const { file, text } of files) {
    const m = SourceFile.fromText(file, text).parse(FidesManifestSchema);
    for (const sys of m.system ?? []) {
      for (const f of [...(sys.egress ?? []), ...(sys.ingress ?? [])]) if (f.type === "system") keys.add(slugify(f.fides_key));
      for (const k of sys.system_dependencies ?? []) keys.add(slugify(k));
      for (const d of sys.privacy_declarations) for (const k of [...(d.egress ?? []), ...(d.ingress ?? [])]) keys.add(slugify(k));
    }
  }
  return [...keys].filter(Boolean).sort();
}

/**
 * Every manifest of a directory (or of several files) together: one inventory per system. `loaded`: ids of systems
 * already in the graph, which flows may name as our systems too.
 */
export function parseFidesManifests(files: readonly { file: string; text: string }[], lookup: CatalogueLookup, loaded: ReadonlySet<string> = new Set()): ImportedInventory[] {
  const parsed: ManifestFile[] = files.map(({ file, text }) => {
    const src = SourceFile.fromText(file, text);
    return { file, src, manifest: src.parse(FidesManifestSchema) };
  });
  const issues: InventoryIssue[] = [];
  const datasets = new Map<string, PlacedDataset>();
  for (const m of parsed) {
    (m.manifest.dataset ?? []).forEach((ds, di) => {
      const other = datasets.get(ds.fides_key);
      if (other) issues.push(m.src.issue(["dataset", di, "fides_key"], `dataset '${ds.fides_key}' is also defined in ${other.src.file}`));
      else datasets.set(ds.fides_key, { ds, di, src: m.src });
    });
  }
  const systems = parsed.flatMap((m) => (m.manifest.system ?? []).map((sys, si) => ({ m, sys, si })));
  const systemIds = new Map<string, string>();
  for (const { m, sys, si } of systems) {
    const id = slugify(sys.fides_key);
    const other = systemIds.get(id);
    if (other) issues.push(m.src.issue(["system", si, "fides_key"], `system '${sys.fides_key}' is also defined in ${other}`));
    systemIds.set(id, m.file);
  }
  if (issues.length > 0) throw new InventoryValidationError(issues);

  // Which datasets each system holds: those it (or a declaration) references, from any file; else its own file's
  // datasets no system references, when it is the only system of its file.
  const referencesOf = (sys: (typeof systems)[number]["sys"]) => [...new Set([...(sys.dataset_references ?? []), ...sys.privacy_declarations.flatMap((d) => d.dataset_references ?? [])])];
  const referenced = new Set(systems.flatMap(({ sys }) => referencesOf(sys)));
  const ours = new Set([...systemIds.keys(), ...loaded]);
  const flowsInto: FlowsInto = new Map();
  const out: ImportedInventory[] = [];
  const bound = new Set<string>();
  const warningsOf = new Map<string, InventoryIssue[]>();
  for (const { m, sys, si } of systems) {
    const refs = referencesOf(sys);
    const own = refs.length > 0 ? refs : (m.manifest.system ?? []).length === 1 ? (m.manifest.dataset ?? []).map((d) => d.fides_key).filter((k) => !referenced.has(k)) : [];
    const warnings: InventoryIssue[] = [];
    for (const k of refs) if (!datasets.has(k)) warnings.push(m.src.issue(["system", si], `dataset '${k}' is referenced but not in the manifests: its tables are not loaded`));
    const placed = own.flatMap((k) => (datasets.has(k) ? [datasets.get(k)!] : []));
    placed.forEach((d) => bound.add(d.ds.fides_key));
    warningsOf.set(slugify(sys.fides_key), warnings);
    out.push(buildSystem(m, { sys, si }, placed, lookup, { ours, manifests: new Set(systemIds.keys()) }, flowsInto, warnings));
  }
  // Datasets no system holds: a system of their file, as a file of datasets alone always was.
  for (const m of parsed) {
    const left = (m.manifest.dataset ?? []).filter((d) => !bound.has(d.fides_key) && datasets.get(d.fides_key)?.src === m.src);
    if (left.length === 0) continue;
    out.push(buildSystem(m, null, left.map((ds) => datasets.get(ds.fides_key)!), lookup, { ours, manifests: new Set(systemIds.keys()) }, flowsInto, []));
  }

  // Flows between our systems: each once (an egress and the matching ingress), stated by the sending system.
  return out.map((i) => {
    const flows = flowsInto.get(i.inventory.system.id) ?? [];
    if (flows.length === 0) return i;
    // The sending side's statement wins: an ingress adds its categories only to a flow no egress states.
    const merged = new Map<string, Set<string>>();
    const stated = new Set(flows.filter((f) => f.side === "egress").map((f) => f.to));
    for (const f of flows) if (f.side === "egress" || !stated.has(f.to)) merged.set(f.to, new Set([...(merged.get(f.to) ?? []), ...f.categories]));
    const systemFlows = [...merged].map(([to, categories]) => ({ to, copies: [], categories: [...categories].sort() }));
    const value = { ...i.inventory, systemFlows };
    return { ...i, inventory: validateInventory(new BuiltSource(i.file, value), lookup.catalogue) };
  });
}

type FlowsInto = Map<string, { to: string; categories: Set<string>; p: PathKey[]; src: SourceFile; side: "egress" | "ingress" }[]>;

function buildSystem(
  m: ManifestFile,
  placedSystem: { sys: z.infer<typeof FidesSystemSchema>; si: number } | null,
  placed: PlacedDataset[],
  lookup: CatalogueLookup,
  known: { ours: ReadonlySet<string>; manifests: ReadonlySet<string> },
  flowsInto: FlowsInto,
  warnings: InventoryIssue[],
): ImportedInventory {
  const { file, src } = m;
  const warn = (p: PathKey[], message: string, at: SourceFile = src) => warnings.push(at.issue(p, message));
  const datasets = placed.map((d) => d.ds);
  const sys = placedSystem?.sys;
  const si = placedSystem?.si ?? 0;
  const systemId = slugify(sys?.fides_key ?? (datasets.length === 1 ? datasets[0]!.fides_key : path.basename(file).replace(/\.[^.]+$/, ""))) || "fides-system";
  const systemName = sys?.name ?? (datasets.length === 1 ? (datasets[0]!.name ?? datasets[0]!.fides_key) : systemId);

  const entities = new Map<string, EntityDraft>();
  const references: NonNullable<InventoryInput["references"]> = [];
  const mentioned = new Map<string, PathKey[]>();

  /** A field's keys → kind, category and label; unknown keys stay as the label and are reported. */
  const classify = (keys: string[], p: PathKey[], at: SourceFile = src): Pick<Column, "kind" | "category" | "categoryLabel"> => {
    if (keys.length === 0) return { kind: "system" };
    let category: string | undefined;
    let inexact = false;
    const unknown: string[] = [];
    for (const key of keys) {
      const r = lookup.fideslang(key);
      if (r.kind === "personal") {
        category ??= r.category;
        if (!r.exact) warn(p, `fideslang key '${key}' is not in the default taxonomy: mapped through its parent to '${r.category}'`, at);
        inexact ||= !r.exact;
      } else if (r.kind === "unknown") unknown.push(key);
    }
    if (unknown.length > 0) {
      const fallback = lookup.fideslang("user");
      warn(p, `unknown fideslang data categor${unknown.length > 1 ? "ies" : "y"} ${unknown.map((k) => `'${k}'`).join(", ")}: kept as the column's label`, at);
      if (!category && fallback.kind === "personal") category = fallback.category;
    }
    if (!category) return { kind: "system" };
    const label = inexact || unknown.length > 0 || keys.length > 1 ? keys.join(", ") : undefined;
    return { kind: "personal", category, ...(label ? { categoryLabel: label } : {}) };
  };

  placed.forEach(({ ds, di, src: dsrc }) => {
    const here = dsrc === src;
    ds.collections.forEach((col, ci) => {
      const cPath: PathKey[] = ["dataset", di, "collections", ci];
      if (entities.has(col.name)) throw new InventoryValidationError([dsrc.issue([...cPath, "name"], `collection '${col.name}' appears twice in the system's datasets (table names are unique in a system)`)]);
      // Line numbers point into the system's own file; a dataset from another file reports its problems there.
      const e: EntityDraft = { name: col.name, kind: "table", subjects: [], columns: [], keys: [], dataset: ds.fides_key, ...(here ? { fidesPath: cPath } : {}), columnPaths: [] };
      if (col.description) e.description = col.description;
      entities.set(col.name, e);
      const inherited = col.data_categories?.length ? col.data_categories : (ds.data_categories ?? []);

      const walk = (fields: FidesFieldShape[], prefix: string, parentKeys: string[], fp: PathKey[]) => {
        fields.forEach((f, fi) => {
          const p = [...fp, fi];
          const keys = f.data_categories?.length ? f.data_categories : parentKeys;
          if (f.fields?.length) {
            walk(f.fields, `${prefix}${f.name}/`, keys, [...p, "fields"]);
            return;
          }
          const name = `${prefix}${f.name}`;
          const column: Column = { name, ...classify(keys, p, dsrc), purposes: [] };
          if (f.description) column.description = f.description;
          const refs = [...(f.fides_meta?.references ?? []), ...(f.fidesops_meta?.references ?? [])];
          refs.forEach((ref, ri) => {
            const [target, ...rest] = ref.field.split(".");
            const rp = [...p, f.fides_meta?.references ? "fides_meta" : "fidesops_meta", "references", ri];
            if (!EntityName.safeParse(target).success) throw new InventoryValidationError([dsrc.issue([...rp, "field"], `'${target}' is not a table name this explorer can hold`)]);
            if (!mentioned.has(target!)) mentioned.set(target!, rp);
            if (ref.direction === "to") {
              // The other field is read using this one's value: it points at this collection.
              references.push({ from: target!, columns: [rest.join("/")], to: col.name, form: "incoming" });
              return;
            }
            if (!ref.direction) warn(rp, `reference to '${ref.field}' has no direction: read as this field pointing at '${target}'`, dsrc);
            if (column.kind === "system" && !column.references) Object.assign(column, { kind: "reference", references: target });
            else references.push({ from: col.name, columns: [name], to: target!, form: "outgoing" });
          });
          e.columns.push(column);
          e.keys.push(keys);
          e.columnPaths.push(here ? p : []);
        });
      };
      walk(col.fields, "", inherited, [...cPath, "fields"]);
    });
  });

  const purposes: NonNullable<InventoryInput["purposes"]> = [];
  const subjects = new Map<string, string>();
  const vendors: NonNullable<InventoryInput["vendors"]> = [];
  const sources: NonNullable<InventoryInput["sources"]> = [];
  const vendorPaths: PathKey[][] = [];

  if (sys) {
    const declarations = sys.privacy_declarations.map((d, i) => {
      let id = slugify(d.name ?? d.data_use) || `purpose-${i + 1}`;
      while (purposes.some((p) => p.id === id)) id = `${id}-${i + 1}`;
      const basis = d.legal_basis_for_processing ? `; legal basis: ${d.legal_basis_for_processing}` : "";
      const whose = d.data_subjects.length > 0 ? `; data subjects: ${d.data_subjects.join(", ")}` : "";
      purposes.push({ id, name: d.name ?? humanise(d.data_use), description: `fideslang data use '${d.data_use}'${basis}${whose}`, vendors: [] });
      d.data_subjects.forEach((s) => subjects.set(slugify(s), humanise(s)));
      return { ...d, id };
    });

    // A system without datasets: one logical record per data subject, one field per declared category.
    if (entities.size === 0) {
      declarations.forEach((d, di) => {
        for (const subject of d.data_subjects.length > 0 ? d.data_subjects : ["user"]) {
          const name = `${pascal(systemId)}_${pascal(subject)}`;
          const e = entities.get(name) ?? { name, kind: "logical" as const, label: humanise(subject), subjects: d.data_subjects.length > 0 ? [slugify(subject)] : [], columns: [], keys: [], columnPaths: [] };
          entities.set(name, e);
          d.data_categories.forEach((key, ki) => {
            const p: PathKey[] = ["system", si, "privacy_declarations", di, "data_categories", ki];
            const cls = classify([key], p);
            if (cls.kind !== "personal") return;
            const fieldName = lookup.catalogue.categories.get(cls.category!)?.name ?? key;
            if (e.columns.some((c) => c.name === fieldName)) return;
            e.columns.push({ name: fieldName, ...cls, categoryLabel: cls.categoryLabel ?? key, purposes: [] });
            e.keys.push([key]);
            e.columnPaths.push(p);
          });
        }
      });
    }

    for (const d of declarations) {
      const referenced = d.dataset_references ?? sys.dataset_references ?? [];
      for (const e of entities.values()) {
        if (e.kind === "mentioned" || (referenced.length > 0 && e.dataset && !referenced.includes(e.dataset))) continue;
        let used = false;
        for (const [i, c] of e.columns.entries()) {
          if (c.kind !== "personal" || !covers(d.data_categories, e.keys[i]!)) continue;
          c.purposes = [...(c.purposes ?? []), d.id];
          used = true;
        }
        if (used) for (const s of d.data_subjects) if (!e.subjects.includes(slugify(s))) e.subjects.push(slugify(s));
      }
    }

    const personalFields = (keys: string[] | null | undefined): string[] => {
      const out: string[] = [];
      for (const e of entities.values()) {
        e.columns.forEach((c, i) => {
          if (c.kind === "personal" && (!keys?.length || covers(keys, e.keys[i]!))) out.push(`${e.name}.${c.name}`);
        });
      }
      return out;
    };
    const countries: string[] = [];
    (sys.third_country_transfers ?? []).forEach((c, i) => {
      const code = lookup.country(c);
      if (!code) throw new InventoryValidationError([src.issue(["system", si, "third_country_transfers", i], `unknown country '${c}' (expected an ISO 3166-1 alpha-3 code, e.g. 'USA')`)]);
      countries.push(code);
    });

    const recipients = [
      ...(sys.egress ?? []).map((f, i) => ({ key: f.fides_key, type: f.type, categories: f.data_categories, p: ["system", si, "egress", i] as PathKey[] })),
      ...(sys.system_dependencies ?? []).map((key, i) => ({ key, type: "system", categories: undefined, p: ["system", si, "system_dependencies", i] as PathKey[] })),
    ];
    // A declaration's own egress to a system the system-level list does not name is a recipient too.
    declarations.forEach((d, di) =>
      (d.egress ?? []).forEach((key, ei) => {
        if (!recipients.some((r) => r.key === key)) recipients.push({ key, type: "system", categories: d.data_categories, p: ["system", si, "privacy_declarations", di, "egress", ei] });
      }),
    );
    // The categories a flow carries: its own, else those of the declarations that name it, else all the system declares.
    const ourCategories = (keys: readonly string[]) => new Set(keys.flatMap((k) => { const r = lookup.fideslang(k); return r.kind === "personal" ? [r.category] : []; }));
    const flowCategories = (key: string, own: readonly string[] | null | undefined, p: PathKey[]) => {
      if (own?.length) return ourCategories(own);
      const via = declarations.filter((d) => d.egress?.includes(key) || d.ingress?.includes(key));
      if (via.length > 0) return ourCategories(via.flatMap((d) => d.data_categories));
      warn(p, `names no data categories: taken as every category the system declares`);
      return ourCategories(declarations.flatMap((d) => d.data_categories));
    };
    const flowInto = (from: string, to: string, categories: Set<string>, p: PathKey[], side: "egress" | "ingress") => {
      if (categories.size === 0) {
        warn(p, `a flow between '${from}' and '${to}' with no personal data category is not loaded (nothing to trace)`);
        return;
      }
      flowsInto.set(from, [...(flowsInto.get(from) ?? []), { to, categories, p, src, side }]);
    };
    for (const r of recipients) {
      if (r.type !== "system") continue;
      const id = slugify(r.key);
      if (!id || vendors.some((v) => v.vendor.id === id)) continue;
      if (known.ours.has(id) && id !== systemId) {
        // One of our systems (in the manifests, or loaded): a flow between systems, not a vendor.
        flowInto(systemId, id, flowCategories(r.key, r.categories, r.p), r.p, "egress");
        continue;
      }
      const via = declarations.filter((d) => d.egress?.includes(r.key));
      via.forEach((d) => purposes.find((p) => p.id === d.id)!.vendors!.push(id));
      const keys = r.categories?.length ? r.categories : via.flatMap((d) => d.data_categories);
      vendors.push({
        vendor: { id, name: humanise(r.key) },
        role: "third-party",
        purpose: via.map((d) => d.name ?? humanise(d.data_use)).join("; ") || `Receives data from ${systemName}`,
        dataCountries: countries,
        receives: personalFields(keys),
      });
      vendorPaths.push(r.p);
    }
    if (countries.length > 0 && vendors.length === 0) {
      warn(["system", si, "third_country_transfers"], "third-country transfers need a recipient (egress or system_dependencies) to attach to; none is declared, so they are not loaded");
    }

    const feeds = [...entities.values()].filter((e) => e.kind !== "mentioned").map((e) => e.name);
    for (const [fi, f] of (sys.ingress ?? []).entries()) {
      const id = slugify(f.fides_key);
      if (f.type === "system" && known.manifests.has(id) && id !== systemId) {
        // From another of our systems: that system's flow into this one (the same flow as its egress, if it states one).
        flowInto(id, systemId, flowCategories(f.fides_key, f.data_categories, ["system", si, "ingress", fi]), ["system", si, "ingress", fi], "ingress");
        continue;
      }
      if (!id || sources.some((s) => s.id === id) || feeds.length === 0) continue;
      const fills = f.data_categories?.length ? personalFields(f.data_categories) : [];
      sources.push({ id, name: f.type === "user" ? `${humanise(f.fides_key)} (data subject)` : humanise(f.fides_key), feeds, fills });
    }
  }

  for (const [name, p] of mentioned) {
    if (!entities.has(name)) entities.set(name, { name, kind: "mentioned", subjects: [], columns: [], keys: [], columnPaths: [], fidesPath: p });
  }
  for (const r of references) {
    if (!entities.has(r.from)) entities.set(r.from, { name: r.from, kind: "mentioned", subjects: [], columns: [], keys: [], columnPaths: [] });
  }

  const records = fidesRecords(m.manifest.organization?.[0], sys, purposes, warn, si);

  const entityList = [...entities.values()];
  const value: InventoryInput = {
    system: {
      id: systemId,
      name: systemName,
      kind: sys && datasets.length === 0 ? "saas" : "self-hosted",
      ...(sys?.description ? { description: sys.description } : {}),
      document: { title: `Fides manifest ${path.basename(file)}`, file: path.basename(file) },
      ...records.system,
    },
    ...(records.organisation ? { organisation: records.organisation } : {}),
    activities: records.activities,
    subjects: [...subjects].map(([id, name]) => ({ id, name })),
    purposes,
    entities: entityList.map((e) => ({
      name: e.name,
      kind: e.kind,
      ...(e.label ? { label: e.label } : {}),
      ...(e.description ? { description: e.description } : {}),
      subjects: e.subjects,
      columns: e.columns,
    })),
    sources,
    references,
    vendors,
  };

  const built = new BuiltSource(file, value);
  const line = (p: PathKey[]) => ({ line: src.lineOf(p) });
  if (sys) built.at(["system"], line(["system", si]));
  entityList.forEach((e, ei) => {
    e.columnPaths.forEach((p, ci) => {
      if (p.length > 0) built.at(["entities", ei, "columns", ci], line(p));
    });
    if (e.fidesPath) built.at(["entities", ei], line(e.fidesPath));
  });
  vendorPaths.forEach((p, vi) => built.at(["vendors", vi], line(p)));
  if (sys) built.at(["purposes"], line(["system", si, "privacy_declarations"]));
  records.activities.forEach((_, ai) => built.at(["activities", ai], line(["system", si, "privacy_declarations", ai])));
  if (records.organisation) built.at(["organisation"], line(m.manifest.organization?.length ? ["organization", 0] : ["system", si]));
  return { file, format: "fides", inventory: validateInventory(built, lookup.catalogue), warnings };
}

type FidesSystem = z.infer<typeof FidesSystemSchema>;
type ContactDetails = z.infer<typeof ContactDetailsSchema>;

/** A fideslang contact's reachable parts, as one line ("" fields are fideslang's default for "not given"). */
function contactLine(c: ContactDetails | null | undefined): string | undefined {
  const parts = [c?.email, c?.phone, c?.address].map((x) => x?.trim()).filter((x): x is string => Boolean(x));
  return parts.length > 0 ? parts.join(", ") : undefined;
}

/**
 * The Art. 30 facts of a manifest: the `organization` resource's controller, DPO and representative (else the system's
 * `legal_name`, `legal_address` and `dpo`), the system's `responsibility` as its role, `data_security_practices` as
 * its security notes, and one processing activity per privacy declaration (fideslang's unit of a record of
 * processing) with its lawful basis, special-category basis, assessment location and retention.
 */
function fidesRecords(
  org: z.infer<typeof FidesOrganizationSchema> | undefined,
  sys: FidesSystem | undefined,
  purposes: NonNullable<InventoryInput["purposes"]>,
  warn: (p: PathKey[], message: string) => void,
  /** The system's index in its file's `system:` list, for messages. */
  si = 0,
): { system: Partial<InventoryInput["system"]>; organisation?: NonNullable<InventoryInput["organisation"]>; activities: NonNullable<InventoryInput["activities"]> } {
  const system: Partial<InventoryInput["system"]> = {};
  const roles = new Set((sys?.responsibility ?? []).map((r) => (r === "Controller" ? "controller" : "processor")));
  if (sys?.joint_controller_info && roles.has("controller")) system.role = "joint-controller";
  else if (roles.size === 1) system.role = [...roles][0];
  else if (roles.size > 1) warn(["system", si, "responsibility"], "states both Controller and Processor: the system's role is not loaded (not documented); state it per activity in the inventory");
  if (sys?.legal_name?.trim()) system.legalEntity = { name: sys.legal_name.trim() };
  if (sys?.data_security_practices?.trim()) system.security = { notes: sys.data_security_practices.trim() };

  const controllerName = org?.name?.trim() || sys?.legal_name?.trim() || org?.controller?.name?.trim();
  let organisation: NonNullable<InventoryInput["organisation"]> | undefined;
  if (controllerName) {
    organisation = { name: controllerName };
    // The controller's address is the organisation's address, not part of its contact.
    const contact = [org?.controller?.name?.trim() !== controllerName ? org?.controller?.name?.trim() : undefined, contactLine({ ...org?.controller, address: "" })].filter(Boolean).join(", ");
    if (contact) organisation.contact = contact;
    const address = org?.controller?.address?.trim() || sys?.legal_address?.trim();
    if (address) organisation.address = address;
    const dpoContact = contactLine(org?.data_protection_officer) ?? sys?.dpo?.trim();
    if (dpoContact) organisation.dpo = { ...(org?.data_protection_officer?.name?.trim() ? { name: org.data_protection_officer.name.trim() } : {}), contact: dpoContact };
    const rep = org?.representative;
    const repContact = contactLine(rep);
    if (rep?.name?.trim() && repContact) organisation.representative = { name: rep.name.trim(), contact: repContact };
  } else if (sys?.dpo || sys?.legal_address) {
    warn(["system", si], "states a DPO or legal address but no organisation or legal_name to attach it to: not loaded");
  }

  const activities = (sys?.privacy_declarations ?? []).map((d, i) => {
    const purpose = purposes[i]!;
    const a: NonNullable<InventoryInput["activities"]>[number] = { id: purpose.id, name: purpose.name, purposes: [purpose.id], subjects: [...new Set(d.data_subjects.map(slugify))] };
    if (d.legal_basis_for_processing) a.lawfulBasis = LEGAL_BASES[d.legal_basis_for_processing];
    if (d.impact_assessment_location?.trim()) a.liaLink = d.impact_assessment_location.trim();
    if (d.special_category_legal_basis) a.specialCategoryCondition = d.special_category_legal_basis;
    else if (d.processes_special_category_data)
      warn(["system", si, "privacy_declarations", i, "special_category_legal_basis"], "processes special category data but states no special_category_legal_basis: the records list the Art. 9(2) condition as not documented where its categories are special ones");
    if (d.retention_period !== null && d.retention_period !== undefined && String(d.retention_period).trim()) a.retention = String(d.retention_period).trim();
    if (sys?.joint_controller_info?.trim() && system.role === "joint-controller") a.controllers = [sys.joint_controller_info.trim()];
    return a;
  });
  return { system, ...(organisation ? { organisation } : {}), activities };
}
