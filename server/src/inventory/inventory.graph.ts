/**
 * Pure transform: validated inventories → the rows of nodes and relationships written to Neo4j.
 * The graph model (kinds, relationship types, their direction = the direction data flows) is defined here.
 */
import { splitFieldRef, type Catalogue } from "./inventory.parse.js";
import type { Inventory } from "./inventory.schema.js";
import { ids, KIND_LABEL, type NodeKind } from "../contract/ids.js";

/** Relationship types, the fixed list. Data-flow types are the ones a trace follows. */
export const REL_TYPES = [
  "CONTAINS", // system → table
  "HAS_SUBJECT", // system → subject
  "HAS_SOURCE", // system → source
  "HAS_PURPOSE", // system → purpose
  "DESCRIBED_IN", // subject → table: where a subject's data lives
  "HAS_COLUMN", // table → column
  "OF_CATEGORY", // column → category
  "FOR_PURPOSE", // column → purpose
  "REFERENCES", // column → table, and table → table (aggregated, with the columns)
  "FEEDS", // source → table
  "FILLS", // source → column
  "READS_FROM", // source → table it copies from
  "COPIED_TO", // table → table (data copied by a source)
  "USES_VENDOR", // purpose → vendor, system → vendor (engagement)
  "SENT_TO", // column → vendor
  "SENDS_BACK", // vendor → column
  "LOCATED_IN", // vendor → location (legal entity)
  "STORES_DATA_IN", // vendor → location (data storage)
] as const;
export type RelType = (typeof REL_TYPES)[number];

export type Props = Record<string, string | number | boolean | string[] | null>;

export interface NodeRow {
  id: string;
  label: string;
  props: Props;
}

export interface RelRow {
  from: string;
  to: string;
  type: RelType;
  props: Props;
}

export interface GraphRows {
  /** Nodes owned by one system: replaced whole on every load of that system. */
  scoped: NodeRow[];
  /** Nodes shared across systems (category, vendor, location): merged. */
  shared: NodeRow[];
  rels: RelRow[];
  systems: string[];
  tables: string[];
}

function node(kind: NodeKind, id: string, name: string, props: Props): NodeRow {
  const key = id.slice(kind.length + 1);
  return { id, label: KIND_LABEL[kind], props: { id, kind, key, name, ...props } };
}

/** Text the full-text index searches besides the name: labels, aliases, keys. */
function searchText(...parts: (string | undefined | null)[]): string {
  return parts.filter(Boolean).join(" ");
}

export function inventoriesToGraph(inventories: Inventory[], catalogue: Catalogue): GraphRows {
  const scoped: NodeRow[] = [];
  const shared = new Map<string, NodeRow>();
  const rels: RelRow[] = [];
  const rel = (from: string, type: RelType, to: string, props: Props = {}) => rels.push({ from, to, type, props });

  const category = (catId: string): string => {
    const id = ids.category(catId);
    if (!shared.has(id)) {
      const cat = catalogue.categories.get(catId) ?? inventories.flatMap((i) => i.categories).find((c) => c.id === catId);
      const aliases = cat?.aliases ?? [];
      shared.set(id, node("category", id, cat?.name ?? catId, { aliases, special: cat?.special ?? false, search: searchText(...aliases) }));
    }
    return id;
  };
  const location = (code: string): string => {
    const id = ids.location(code);
    const c = catalogue.countries.get(code);
    if (!shared.has(id)) shared.set(id, node("location", id, c?.name ?? code, { code, eea: c?.eea ?? false, search: searchText(code, ...(c?.aliases ?? [])) }));
    return id;
  };

  for (const inv of inventories) {
    const sys = inv.system.id;
    const systemId = ids.system(sys);
    scoped.push(
      node("system", systemId, inv.system.name, {
        system: sys,
        systemKind: inv.system.kind,
        description: inv.system.description ?? null,
        documentTitle: inv.system.document?.title ?? null,
        documentFile: inv.system.document?.file ?? null,
        search: searchText(sys),
      }),
    );

    for (const s of inv.subjects) {
      const id = ids.subject(sys, s.id);
      scoped.push(node("subject", id, s.name, { system: sys, description: s.description ?? null, search: searchText(s.id) }));
      rel(systemId, "HAS_SUBJECT", id);
    }
    for (const p of inv.purposes) {
      const id = ids.purpose(sys, p.id);
      scoped.push(node("purpose", id, p.name, { system: sys, description: p.description ?? null, search: searchText(p.id) }));
      rel(systemId, "HAS_PURPOSE", id);
      for (const v of p.vendors) rel(id, "USES_VENDOR", ids.vendor(v), { system: sys });
    }

    const personalColumns = new Map<string, string[]>();
    for (const e of inv.entities) {
      const tableId = ids.table(e.name);
      scoped.push(
        node("table", tableId, e.name, {
          system: sys,
          title: e.label ?? null,
          entityKind: e.kind,
          description: e.description ?? null,
          columnCount: e.columns.length,
          search: searchText(e.label, e.name.replace(/_/g, " ")),
        }),
      );
      rel(systemId, "CONTAINS", tableId);
      for (const s of e.subjects) rel(ids.subject(sys, s), "DESCRIBED_IN", tableId);
      personalColumns.set(e.name, e.columns.filter((c) => c.kind === "personal").map((c) => c.name));

      e.columns.forEach((c, position) => {
        const colId = ids.column(e.name, c.name);
        scoped.push(
          node("column", colId, c.name, {
            system: sys,
            table: e.name,
            columnKind: c.kind,
            category: c.category ?? null,
            categoryLabel: c.categoryLabel ?? null,
            description: c.description ?? null,
            references: c.references ?? null,
            position,
            search: searchText(c.categoryLabel),
          }),
        );
        rel(tableId, "HAS_COLUMN", colId);
        if (c.category) rel(colId, "OF_CATEGORY", category(c.category), { label: c.categoryLabel ?? null });
        for (const p of c.purposes) rel(colId, "FOR_PURPOSE", ids.purpose(sys, p));
        if (c.references) rel(colId, "REFERENCES", ids.table(c.references));
      });
    }

    // Table → table references: both of the document's forms folded into one edge per pair, keeping the columns and forms.
    const tableRefs = new Map<string, { from: string; to: string; columns: Set<string>; forms: Set<string>; descriptions: Set<string> }>();
    const addTableRef = (from: string, to: string, columns: string[], form: string, description?: string) => {
      const key = `${from}\u0000${to}`;
      const r = tableRefs.get(key) ?? { from, to, columns: new Set(), forms: new Set(), descriptions: new Set() };
      columns.forEach((c) => r.columns.add(c));
      r.forms.add(form);
      if (description) r.descriptions.add(description);
      tableRefs.set(key, r);
    };
    // A mentioned table's reference columns are known only from the referenced table's "References from" list.
    for (const e of inv.entities) {
      const form = e.kind === "mentioned" ? "incoming" : "outgoing";
      for (const c of e.columns) if (c.references) addTableRef(e.name, c.references, [c.name], form, c.description);
    }
    for (const r of inv.references) addTableRef(r.from, r.to, r.columns, r.form, r.description);
    for (const r of tableRefs.values()) {
      rel(ids.table(r.from), "REFERENCES", ids.table(r.to), {
        system: sys,
        columns: [...r.columns].sort(),
        forms: [...r.forms].sort(),
        description: [...r.descriptions].join("; ") || null,
      });
    }

    for (const s of inv.sources) {
      const id = ids.source(sys, s.id);
      scoped.push(node("source", id, s.name, { system: sys, description: s.description ?? null, search: searchText(s.id) }));
      rel(systemId, "HAS_SOURCE", id);
      for (const t of s.feeds) rel(id, "FEEDS", ids.table(t));
      for (const f of s.fills) for (const colId of expandField(f, personalColumns)) rel(id, "FILLS", colId);
      for (const from of s.copiesFrom) {
        rel(id, "READS_FROM", ids.table(from));
        for (const to of s.feeds) if (to !== from) rel(ids.table(from), "COPIED_TO", ids.table(to), { system: sys, via: id });
      }
    }

    for (const v of inv.vendors) {
      const vendorId = ids.vendor(v.vendor.id);
      const existing = shared.get(vendorId);
      const legalNames = new Set([...((existing?.props.legalNames as string[] | undefined) ?? []), ...(v.vendor.legalName ? [v.vendor.legalName] : [])]);
      const services = new Set([...((existing?.props.services as string[] | undefined) ?? []), ...(v.service ? [v.service] : [])]);
      shared.set(
        vendorId,
        node("vendor", vendorId, existing?.props.name as string | undefined ?? v.vendor.name, {
          legalNames: [...legalNames],
          services: [...services],
          search: searchText(...legalNames, ...services),
        }),
      );
      const flow: Props = {
        system: sys,
        service: v.service ?? null,
        role: v.role,
        purpose: v.purpose,
        retention: v.retention ?? null,
        // Each system's document names the contracting entity; the same company can differ by system.
        legalName: v.vendor.legalName ?? null,
        address: v.vendor.address ?? null,
        entityCountry: v.entityCountry ?? null,
        dataCountries: v.dataCountries,
        description: v.description ?? null,
      };
      rel(systemId, "USES_VENDOR", vendorId, flow);
      if (v.entityCountry) rel(vendorId, "LOCATED_IN", location(v.entityCountry), { system: sys, service: v.service ?? null });
      for (const c of v.dataCountries) rel(vendorId, "STORES_DATA_IN", location(c), { system: sys, service: v.service ?? null });
      const edge = { system: sys, service: v.service ?? null, purpose: v.purpose };
      for (const f of v.receives) for (const colId of expandField(f, personalColumns)) rel(colId, "SENT_TO", vendorId, edge);
      for (const f of v.sendsBack) for (const colId of expandField(f, personalColumns)) rel(vendorId, "SENDS_BACK", colId, edge);
    }
  }

  // Countries named only through the catalogue (not by any vendor) are not drawn.
  return {
    scoped,
    shared: [...shared.values()],
    rels: dedupeRels(rels),
    systems: inventories.map((i) => i.system.id),
    tables: inventories.flatMap((i) => i.entities.map((e) => e.name)),
  };
}

/** `Table.*` stands for every personal column of the table. */
function expandField(ref: string, personalColumns: Map<string, string[]>): string[] {
  const [table, column] = splitFieldRef(ref);
  return column === "*" ? (personalColumns.get(table) ?? []).map((c) => ids.column(table, c)) : [ids.column(table, column)];
}

/** The same flow stated twice (e.g. a field listed under two purposes of one vendor flow) is one edge. */
function dedupeRels(rels: RelRow[]): RelRow[] {
  const seen = new Set<string>();
  return rels.filter((r) => {
    const key = `${r.from}|${r.type}|${r.to}|${JSON.stringify(r.props)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
