/**
 * Every view's answer as rows of text: the list beside the graph, the "Copy" text and the CSV download
 * all come from these, so what a DPO pastes matches what the picture shows.
 */
import type { Elements, OverviewResponse, ReferencedByResponse, TableColumn, TableResponse, TraceResponse, VendorsResponse } from "@contract/api";
import Papa from "papaparse";

export interface Column<R> {
  key: keyof R & string;
  header: string;
}

export interface RowSet<R> {
  columns: Column<R>[];
  rows: R[];
}

type Cell = string | number | boolean | null | undefined | string[];

function cellText(v: Cell): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.join("; ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  return String(v);
}

export function toCsv<R extends Record<string, Cell>>(set: RowSet<R>): string {
  return Papa.unparse({ fields: set.columns.map((c) => c.header), data: set.rows.map((r) => set.columns.map((c) => cellText(r[c.key]))) }, { newline: "\r\n" });
}

/** Plain text for the clipboard: one line per row, "header: value" parts after the first column. */
export function toText<R extends Record<string, Cell>>(set: RowSet<R>, title?: string): string {
  const [first, ...rest] = set.columns;
  const lines = set.rows.map((r) => {
    const head = first ? cellText(r[first.key]) : "";
    const tail = rest.map((c) => [c.header, cellText(r[c.key])] as const).filter(([, v]) => v !== "").map(([h, v]) => `${h}: ${v}`);
    return tail.length ? `${head} — ${tail.join(" · ")}` : head;
  });
  return [...(title ? [title, ""] : []), ...lines].join("\n");
}

export interface ReferencingRow extends Record<string, Cell> {
  id: string;
  table: string;
  title: string;
  system: string;
  columns: string[];
  forms: string;
}

const FORM_TEXT = { outgoing: "column of the referencing table", incoming: "listed under the referenced table" } as const;

export function referencedByRows(r: ReferencedByResponse): RowSet<ReferencingRow> {
  return {
    columns: [
      { key: "table", header: "Referencing table" },
      { key: "columns", header: "Columns" },
      { key: "system", header: "System" },
      { key: "title", header: "Title" },
    ],
    rows: [...r.referencedBy]
      .sort((a, b) => a.table.localeCompare(b.table))
      .map((t) => ({
        id: t.id,
        table: t.table,
        title: t.title ?? "",
        system: t.system,
        columns: [...t.columns].sort(),
        forms: t.forms.map((f) => FORM_TEXT[f]).join("; "),
      })),
  };
}

export interface VendorRow extends Record<string, Cell> {
  id: string;
  vendor: string;
  outsideEea: boolean;
  countries: string;
  categories: string[];
  fields: number;
  systems: string[];
  services: string[];
  purposes: string[];
}

/** "United States (data), Ireland (entity)": where the vendor stores data and where its legal entity sits. */
export function countriesText(countries: TraceResponse["vendors"][number]["countries"]): string {
  const byCountry = new Map<string, { name: string; eea: boolean; roles: Set<string> }>();
  for (const c of countries) {
    const e = byCountry.get(c.code) ?? { name: c.name, eea: c.eea, roles: new Set<string>() };
    e.roles.add(c.role === "data" ? "data" : "entity");
    byCountry.set(c.code, e);
  }
  return [...byCountry.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `${c.name} (${[...c.roles].sort().join(" + ")}${c.eea ? "" : ", outside EEA"})`)
    .join(", ");
}

/** Vendor lists put transfers outside the EEA first (what a DPIA must address), then go by name. */
function outsideEeaFirst(a: { outsideEEA: boolean; name: string }, b: { outsideEEA: boolean; name: string }): number {
  return Number(b.outsideEEA) - Number(a.outsideEEA) || a.name.localeCompare(b.name);
}

export function traceRows(t: TraceResponse): RowSet<VendorRow> {
  return {
    columns: [
      { key: "vendor", header: "Vendor" },
      { key: "outsideEea", header: "Outside EEA" },
      { key: "countries", header: "Countries" },
      { key: "categories", header: "Data categories" },
      { key: "fields", header: "Fields" },
      { key: "systems", header: "Systems" },
      { key: "services", header: "Services" },
      { key: "purposes", header: "Purposes" },
    ],
    rows: [...t.vendors]
      .sort(outsideEeaFirst)
      .map((v) => ({
        id: v.id,
        vendor: v.name,
        outsideEea: v.outsideEEA,
        countries: countriesText(v.countries),
        categories: [...new Set(v.categories.map((c) => c.name))].sort(),
        fields: v.fields.length,
        systems: v.systems,
        services: v.services,
        purposes: v.purposes,
      })),
  };
}

export interface VendorListRow extends Record<string, Cell> {
  id: string;
  vendor: string;
  outsideEea: boolean;
  services: string[];
  systems: string[];
  countries: string[];
  fields: number;
}

export function vendorListRows(r: VendorsResponse): RowSet<VendorListRow> {
  return {
    columns: [
      { key: "vendor", header: "Vendor" },
      { key: "outsideEea", header: "Outside EEA" },
      { key: "services", header: "Services" },
      { key: "systems", header: "Systems" },
      { key: "countries", header: "Countries" },
      { key: "fields", header: "Fields received" },
    ],
    rows: [...r.vendors].sort(outsideEeaFirst).map((x) => ({
      id: x.id,
      vendor: x.name,
      outsideEea: x.outsideEEA,
      services: x.services,
      systems: x.systems,
      countries: x.countries.map((c) => (c.eea ? c.name : `${c.name} (outside EEA)`)),
      fields: x.fieldCount,
    })),
  };
}

export interface FlowRow extends Record<string, Cell> {
  id: string;
  vendor: string;
  outsideEea: boolean;
  systems: string[];
  countries: string[];
}

/** The overview's vendors: which systems use each, and the countries it sits in or stores data in. */
export function overviewRows(o: OverviewResponse, systemNames: ReadonlyMap<string, string> = new Map(o.systems.map((s) => [s.id, s.name]))): RowSet<FlowRow> {
  const nodes = new Map(o.elements.nodes.map((n) => [n.data.id, n.data]));
  const rows = new Map<string, FlowRow>();
  for (const n of o.elements.nodes) {
    if (n.data.kind !== "vendor") continue;
    rows.set(n.data.id, { id: n.data.id, vendor: n.data.label, outsideEea: n.data.eea === false, systems: [], countries: [] });
  }
  for (const e of o.elements.edges) {
    const s = nodes.get(e.data.source);
    const t = nodes.get(e.data.target);
    if (!s || !t) continue;
    if (s.kind === "system" && t.kind === "vendor") rows.get(t.id)?.systems.push(systemNames.get(s.id) ?? s.label);
    if (s.kind === "vendor" && t.kind === "location") {
      const row = rows.get(s.id);
      const text = t.eea === false ? `${t.label} (outside EEA)` : t.label;
      if (row && !row.countries.includes(text)) row.countries.push(text);
    }
  }
  for (const r of rows.values()) {
    r.systems = [...new Set(r.systems)].sort();
    r.countries.sort();
    if (r.countries.some((c) => c.endsWith("(outside EEA)"))) r.outsideEea = true;
  }
  return {
    columns: [
      { key: "vendor", header: "Vendor" },
      { key: "outsideEea", header: "Outside EEA" },
      { key: "systems", header: "Used by" },
      { key: "countries", header: "Countries" },
    ],
    rows: [...rows.values()].sort((a, b) => Number(b.outsideEea) - Number(a.outsideEea) || a.vendor.localeCompare(b.vendor)),
  };
}

export interface NodeRow extends Record<string, Cell> {
  id: string;
  label: string;
  kind: string;
  system: string;
}

export function elementRows(elements: Elements, kindName: (k: string) => string = (k) => k): RowSet<NodeRow> {
  return {
    columns: [
      { key: "label", header: "Name" },
      { key: "kind", header: "Kind" },
      { key: "system", header: "System" },
    ],
    rows: elements.nodes
      .map((n) => ({ id: n.data.id, label: n.data.label, kind: kindName(n.data.kind), system: n.data.system ?? "" }))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.label.localeCompare(b.label)),
  };
}

export interface ColumnGroup {
  /** Category id, or a fixed key for the non-personal groups. */
  key: string;
  title: string;
  personal: boolean;
  columns: TableColumn[];
}

/** A table's columns grouped by data category (personal first, alphabetical), then references, then system columns. */
export function groupColumns(t: TableResponse): ColumnGroup[] {
  const groups = new Map<string, ColumnGroup>();
  for (const c of t.columns) {
    const key = c.kind === "personal" ? (c.categoryId ?? c.category ?? "uncategorised") : c.kind;
    const title = c.kind === "personal" ? (c.category ?? c.categoryLabel ?? "Uncategorised") : c.kind === "reference" ? "References to other tables" : "System columns (no personal data)";
    const g = groups.get(key) ?? { key, title, personal: c.kind === "personal", columns: [] };
    g.columns.push(c);
    groups.set(key, g);
  }
  const rank = (g: ColumnGroup) => (g.personal ? 0 : g.key === "reference" ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title));
}

export interface ColumnRow extends Record<string, Cell> {
  column: string;
  kind: string;
  category: string;
  purposes: string[];
  sources: string[];
  vendors: string[];
  references: string[];
}

export function tableColumnRows(t: TableResponse): RowSet<ColumnRow> {
  return {
    columns: [
      { key: "column", header: "Column" },
      { key: "kind", header: "Kind" },
      { key: "category", header: "Category" },
      { key: "purposes", header: "Purposes" },
      { key: "sources", header: "Sources" },
      { key: "vendors", header: "Vendors" },
      { key: "references", header: "References" },
    ],
    rows: groupColumns(t).flatMap((g) =>
      g.columns.map((c) => ({
        column: `${t.table.name}.${c.name}`,
        kind: c.kind,
        category: c.category ?? "",
        purposes: c.purposes,
        sources: c.sources,
        vendors: c.vendors,
        references: c.references,
      })),
    ),
  };
}
