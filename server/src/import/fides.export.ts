/**
 * An inventory → a fideslang dataset manifest: tables become collections, columns fields (`parent/child` names
 * nested again), categories their fideslang key, references `fides_meta.references` with a direction.
 * Importing the result gives back the same tables, columns, categories and references.
 */
import { stringify } from "yaml";

import type { CatalogueLookup } from "./catalogue.lookup.js";
import type { Inventory } from "../inventory/inventory.schema.js";

interface FidesReference {
  dataset: string;
  field: string;
  direction: "from" | "to";
}
interface FidesField {
  name: string;
  description?: string;
  data_categories?: string[];
  fides_meta?: { references: FidesReference[] };
  fields?: FidesField[];
}

export interface FidesExport {
  text: string;
  dataset: Record<string, unknown>;
  /** The system (privacy declarations, egress, dataset references), in the current fideslang shape. */
  system: Record<string, unknown>;
  warnings: string[];
}

/** fides_keys are snake_case by convention. */
export function fidesKey(id: string): string {
  return id.replace(/-/g, "_");
}

export function inventoryToFidesDataset(inv: Inventory, lookup: CatalogueLookup): FidesExport {
  const warnings: string[] = [];
  const datasetKey = fidesKey(inv.system.id);
  const own = new Map(inv.categories.map((c) => [c.id, c.fideslang]));
  const exported = inv.entities.filter((e) => e.columns.length > 0);
  const fieldsOf = new Map<string, FidesField[]>();

  /** The field a reference to `table` names: its id column when it has one (fideslang wants `collection.field`). */
  const keyField = (table: string): string => {
    const e = inv.entities.find((x) => x.name === table);
    const cols = e?.columns ?? [];
    const idLike = cols.find((c) => /^(id|uuid|key)$/i.test(c.name) || c.name.toLowerCase() === `${table.toLowerCase().split("_").pop()}id`);
    return (idLike ?? cols.find((c) => c.kind === "system") ?? cols[0])?.name.replace(/\//g, ".") ?? "id";
  };

  const flat = new Map<string, FidesField>();
  for (const e of exported) {
    const fields: FidesField[] = [];
    for (const c of e.columns) {
      const f: FidesField = { name: c.name };
      if (c.description) f.description = c.description;
      if (c.kind === "personal" && c.category) {
        const key = own.get(c.category) ?? lookup.fideslangKeyOf(c.category);
        if (!key) warnings.push(`${e.name}.${c.name}: category '${c.category}' has no fideslang key; exported as 'user'`);
        f.data_categories = [key ?? "user"];
      } else {
        f.data_categories = ["system.operations"];
      }
      if (c.references) f.fides_meta = { references: [{ dataset: datasetKey, field: `${c.references}.${keyField(c.references)}`, direction: "from" }] };
      fields.push(f);
      flat.set(`${e.name}\u0000${c.name}`, f);
    }
    fieldsOf.set(e.name, fields);
  }

  const addRef = (f: FidesField, ref: FidesReference) => {
    f.fides_meta ??= { references: [] };
    if (!f.fides_meta.references.some((r) => r.field === ref.field && r.direction === ref.direction)) f.fides_meta.references.push(ref);
  };
  for (const r of inv.references) {
    for (const column of r.columns) {
      const from = flat.get(`${r.from}\u0000${column}`);
      if (from) {
        const target = inv.entities.find((x) => x.name === r.from)?.columns.find((c) => c.name === column)?.references;
        if (target !== r.to) addRef(from, { dataset: datasetKey, field: `${r.to}.${keyField(r.to)}`, direction: "from" });
        continue;
      }
      // The referencing column is only named (a mentioned table): state it on the referenced side, pointing back.
      const toField = fieldsOf.get(r.to)?.find((f) => f.name === keyField(r.to)) ?? fieldsOf.get(r.to)?.[0];
      if (toField) addRef(toField, { dataset: datasetKey, field: `${r.from}.${column.replace(/\//g, ".")}`, direction: "to" });
      else warnings.push(`reference ${r.from}.${column} → ${r.to}: neither table has fields to state it on; not exported`);
    }
  }

  const collections = exported.map((e) => {
    const collection: Record<string, unknown> = { name: e.name };
    const description = [e.label, e.description].filter(Boolean).join(": ");
    if (description) collection.description = description;
    collection.fields = nest(fieldsOf.get(e.name)!);
    return collection;
  });
  const dataset = {
    fides_key: datasetKey,
    name: inv.system.name,
    ...(inv.system.description ? { description: inv.system.description } : {}),
    collections,
  };
  const records = recordsResources(inv, datasetKey);
  if (inv.activities.length > 0) warnings.push(`${inv.activities.length} processing activit${inv.activities.length > 1 ? "ies are" : "y is"} not exported: a fideslang privacy declaration needs a data use, which the inventory does not hold`);
  // The system: its declarations, egress and dataset, with the Art. 30 facts fideslang holds (role, security, DPO).
  const system = { ...((records.system as Record<string, unknown>[] | undefined)?.[0] ?? {}), ...fidesSystem(inv, lookup, exported.length > 0 ? datasetKey : null, warnings) };
  const header = `# fideslang system and dataset exported from the inventory of system '${inv.system.id}' (${inv.system.name}).\n`;
  return { text: header + stringify({ ...records, system: [system], dataset: [dataset] }, { lineWidth: 0 }), dataset, system, warnings };
}

/**
 * The system as fideslang states one: a privacy declaration per purpose (its columns' categories, the data subjects of
 * their tables, the vendors it engages as `egress`), the dataset it holds, `egress` to each vendor and to each of our
 * other systems it sends to (fideslang cannot say which table lands in which: a copy is exported as the categories
 * it carries), and the countries its vendors store data in as `third_country_transfers`.
 */
function fidesSystem(inv: Inventory, lookup: CatalogueLookup, datasetKey: string | null, warnings: string[]): Record<string, unknown> {
  const own = new Map(inv.categories.map((c) => [c.id, c.fideslang]));
  const keyOf = (category: string) => own.get(category) ?? lookup.fideslangKeyOf(category) ?? "user";
  const keys = (categories: Iterable<string>) => [...new Set([...categories].map(keyOf))].sort();
  const columnsOf = (ref: string) => {
    const [table, column] = [ref.slice(0, ref.indexOf(".")), ref.slice(ref.indexOf(".") + 1)];
    const e = inv.entities.find((x) => x.name === table);
    return (e?.columns ?? []).filter((c) => c.kind === "personal" && c.category && (column === "*" || c.name === column));
  };
  const declarations = inv.purposes.map((p) => {
    const held = inv.entities.flatMap((e) => e.columns.filter((c) => c.kind === "personal" && c.category && c.purposes.includes(p.id)).map((c) => ({ e, c })));
    const use = /fideslang data use '([^']+)'/.exec(p.description ?? "")?.[1];
    if (!use) warnings.push(`purpose '${p.id}' states no fideslang data use: exported as '${p.id}', to be replaced by a data use of the taxonomy before \`fides push\``);
    return {
      name: p.name,
      data_use: use ?? p.id,
      data_categories: keys(held.map(({ c }) => c.category!)),
      data_subjects: [...new Set(held.flatMap(({ e }) => e.subjects))].sort(),
      ...(datasetKey && held.length > 0 ? { dataset_references: [datasetKey] } : {}),
      ...(p.vendors.length > 0 ? { egress: p.vendors.map(fidesKey) } : {}),
    };
  });
  const egress = [
    ...inv.vendors.map((v) => ({ fides_key: fidesKey(v.vendor.id), type: "system", data_categories: keys(v.receives.flatMap(columnsOf).map((c) => c.category!)) })),
    ...inv.systemFlows.map((f) => ({
      fides_key: fidesKey(f.to),
      type: "system",
      data_categories: keys([...f.categories, ...f.copies.flatMap((c) => columnsOf(`${c.from}.*`).filter((col) => c.columns.length === 0 || c.columns.some((m) => m.from === col.name)).map((col) => col.category!))]),
    })),
  ];
  const transfers = [...new Set(inv.vendors.flatMap((v) => v.dataCountries))].flatMap((code) => {
    const alpha3 = lookup.catalogue.countries.get(code)?.alpha3;
    return alpha3 && !lookup.catalogue.countries.get(code)?.eea ? [alpha3] : [];
  });
  return {
    fides_key: fidesKey(inv.system.id),
    name: inv.system.name,
    ...(inv.system.description ? { description: inv.system.description } : {}),
    ...(inv.system.legalEntity?.name ? { legal_name: inv.system.legalEntity.name } : {}),
    privacy_declarations: declarations,
    ...(datasetKey ? { dataset_references: [datasetKey] } : {}),
    ...(egress.length > 0 ? { egress } : {}),
    ...(transfers.length > 0 ? { third_country_transfers: transfers.sort() } : {}),
  };
}

/** fideslang `ContactDetails`: every field a string, "" when not given. */
const contact = (c: { name?: string | undefined; address?: string | undefined; email?: string | undefined }) => ({ name: c.name ?? "", address: c.address ?? "", email: c.email ?? "", phone: "" });

/**
 * The Art. 30 facts fideslang holds: the organisation as an `organization` resource (its contact as the controller's
 * email field, the DPO's and representative's contacts likewise) and, when the inventory states a role, security or
 * legal entity, a `system` resource with `responsibility`, `legal_name`, `dpo`, `joint_controller_info` and the
 * security measures as `data_security_practices` text (fideslang has no fields for each measure).
 */
function recordsResources(inv: Inventory, datasetKey: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const org = inv.organisation;
  if (org) {
    out.organization = [
      {
        fides_key: "default_organization",
        name: org.name,
        controller: contact({ address: org.address, email: org.contact }),
        ...(org.dpo ? { data_protection_officer: contact({ name: org.dpo.name, email: org.dpo.contact }) } : {}),
        ...(org.representative ? { representative: contact({ name: org.representative.name, email: org.representative.contact }) } : {}),
      },
    ];
  }
  const sys = inv.system;
  const measures = sys.security
    ? [
        ...(
          [
            ["encryptionAtRest", "encryption at rest"],
            ["encryptionInTransit", "encryption in transit"],
            ["accessControl", "access control"],
            ["pseudonymisation", "pseudonymisation"],
            ["logging", "logging"],
          ] as const
        ).flatMap(([k, words]) => {
          const m = sys.security![k];
          return m === undefined ? [] : [`${words}: ${m === true ? "yes" : m === false ? "no" : m}`];
        }),
        ...(sys.security.notes ? [sys.security.notes] : []),
      ].join("; ")
    : "";
  const joint = inv.activities.flatMap((a) => ((a.role ?? sys.role) === "joint-controller" ? (a.controllers ?? []) : []));
  if (sys.role || measures || sys.legalEntity?.name) {
    out.system = [
      {
        fides_key: datasetKey,
        name: sys.name,
        system_type: sys.kind === "saas" ? "Service" : "Application",
        ...(sys.role ? { responsibility: [sys.role === "processor" ? "Processor" : "Controller"] } : {}),
        ...(sys.legalEntity?.name ? { legal_name: sys.legalEntity.name } : {}),
        ...(org?.dpo ? { dpo: org.dpo.contact } : {}),
        ...(sys.role === "joint-controller" && joint.length > 0 ? { joint_controller_info: [...new Set(joint)].join("; ") } : {}),
        ...(measures ? { data_security_practices: measures } : {}),
        dataset_references: [datasetKey],
        privacy_declarations: [],
      },
    ];
  }
  return out;
}

/** Columns named `address/street` become the field `street` nested in `address`. */
function nest(fields: FidesField[]): FidesField[] {
  const out: FidesField[] = [];
  for (const f of fields) {
    const parts = f.name.split("/");
    let level = out;
    for (const part of parts.slice(0, -1)) {
      let parent = level.find((x) => x.name === part && x.fields);
      if (!parent) {
        parent = { name: part, fields: [] };
        level.push(parent);
      }
      level = parent.fields!;
    }
    level.push({ ...f, name: parts[parts.length - 1]! });
  }
  return out;
}
