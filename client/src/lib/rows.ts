/**
 * Every view's answer as rows of text: the list beside the graph, the "Copy" text and the CSV download
 * all come from these, so what a DPO pastes matches what the picture shows.
 */
import type { Elements, OverviewResponse, Provenance, ReferencedByResponse, TableColumn, TableResponse, TraceResponse, TransferStatus, VendorsResponse, WhereResponse } from "@contract/api";
import { csvText } from "@contract/csv";
import { ids } from "@contract/ids";
import { citation, erasureWords, NOT_DOCUMENTED, NOT_STATED, safeguardWords, TRANSFER_WORDS } from "@contract/words";

import { transferRank } from "../graph/transfer";

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
  return csvText(
    set.columns.map((c) => c.header),
    set.rows.map((r) => set.columns.map((c) => cellText(r[c.key]))),
  );
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
  transfer: TransferStatus;
  transferText: string;
  mechanism: string;
  countries: string;
  categories: string[];
  fields: number;
  systems: string[];
  services: string[];
  purposes: string[];
  retention: string[];
}

type TraceCountry = TraceResponse["vendors"][number]["countries"][number];

/**
 * "United States (entity, third country), Ireland (data, EEA)"; "not stated" when the inventory names none. Each
 * country's status is the server's (a vendor's `countries` carry it, the same for both roles of a country).
 */
export function countriesText(countries: readonly TraceCountry[]): string {
  const byCountry = new Map<string, { name: string; roles: Set<string>; transfer: TransferStatus }>();
  for (const c of countries) {
    const e = byCountry.get(c.code) ?? { name: c.name, roles: new Set<string>(), transfer: c.transfer };
    e.roles.add(c.role === "data" ? "data" : "entity");
    byCountry.set(c.code, e);
  }
  if (byCountry.size === 0) return TRANSFER_WORDS["not-stated"];
  return [...byCountry.values()]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => `${c.name} (${[...c.roles].sort().join(" + ")}, ${TRANSFER_WORDS[c.transfer]})`)
    .join(", ");
}

/** Vendor lists go by transfer status, worst first (what a DPIA must address), then by name. */
function worstFirst(a: { transfer: TransferStatus; name: string }, b: { transfer: TransferStatus; name: string }): number {
  return transferRank(a.transfer) - transferRank(b.transfer) || a.name.localeCompare(b.name);
}

export function traceRows(t: TraceResponse): RowSet<VendorRow> {
  return {
    columns: [
      { key: "vendor", header: "Vendor" },
      { key: "transferText", header: "Transfer" },
      { key: "mechanism", header: "Safeguard" },
      { key: "countries", header: "Countries" },
      { key: "categories", header: "Data categories" },
      { key: "fields", header: "Fields" },
      { key: "systems", header: "Systems" },
      { key: "services", header: "Services" },
      { key: "purposes", header: "Purposes" },
      { key: "retention", header: "Retention" },
    ],
    rows: [...t.vendors].sort(worstFirst).map((v) => ({
      id: v.id,
      vendor: v.name,
      transfer: v.transfer,
      transferText: TRANSFER_WORDS[v.transfer],
      mechanism: [...new Set(v.flows.map((f) => safeguardWords(f.mechanism)))].sort().join("; ") || NOT_DOCUMENTED,
      countries: countriesText(v.countries),
      categories: [...new Set(v.categories.map((c) => c.name))].sort(),
      fields: v.fieldCount,
      systems: v.systems,
      services: v.services,
      purposes: v.purposes,
      retention: v.retention.length ? v.retention : [NOT_DOCUMENTED],
    })),
  };
}

export interface VendorListRow extends Record<string, Cell> {
  /** `vendorId@system`: one row per system's engagement of a vendor. */
  id: string;
  vendorId: string;
  vendor: string;
  system: string;
  transfer: TransferStatus;
  transferText: string;
  mechanism: string;
  services: string[];
  countries: string[];
  fields: number;
}

/**
 * The Vendors page: one row per system's engagement of a vendor, with that engagement's own status, safeguard,
 * countries and fields (the server's `engagements`), worst transfer first. A vendor two systems engage differently
 * is two rows, so one system's transfer never stands for the other's.
 */
export function vendorListRows(r: VendorsResponse, systemNames: ReadonlyMap<string, string> = new Map()): RowSet<VendorListRow> {
  const rows = r.vendors.flatMap((x) => x.engagements.map((e) => ({ x, e, name: x.name, transfer: e.transfer })));
  return {
    columns: [
      { key: "vendor", header: "Vendor" },
      { key: "system", header: "System" },
      { key: "transferText", header: "Transfer" },
      { key: "mechanism", header: "Safeguard" },
      { key: "services", header: "Services" },
      { key: "countries", header: "Countries" },
      { key: "fields", header: "Fields received" },
    ],
    rows: rows.sort((a, b) => worstFirst(a, b) || a.e.system.localeCompare(b.e.system)).map(({ x, e }) => ({
      id: `${x.id}@${e.system}`,
      vendorId: x.id,
      vendor: x.name,
      system: systemNames.get(e.system) ?? e.system,
      transfer: e.transfer,
      transferText: TRANSFER_WORDS[e.transfer],
      mechanism: safeguardWords(e.mechanism),
      services: e.services,
      countries: e.countries.length ? e.countries.map((c) => c.name) : [TRANSFER_WORDS["not-stated"]],
      fields: e.fieldCount,
    })),
  };
}

export interface FlowRow extends Record<string, Cell> {
  id: string;
  vendor: string;
  transfer: TransferStatus;
  transferText: string;
  mechanism: string;
  systems: string[];
  countries: string[];
}

/** The overview's vendors that are drawn (after filters): which systems use each, where it sits, the status of its flows. */
export function overviewRows(o: OverviewResponse, drawn: Elements = o.elements, systemNames: ReadonlyMap<string, string> = new Map(o.systems.map((s) => [s.id, s.name]))): RowSet<FlowRow> {
  // A vendor drawn inside a group (a large overview) is shown too: the list names every vendor the picture stands for.
  const shown = new Set(drawn.nodes.flatMap((n) => [n.data.id, ...(n.data.group?.members ?? [])]));
  return {
    columns: [
      { key: "vendor", header: "Vendor" },
      { key: "transferText", header: "Transfer" },
      { key: "mechanism", header: "Safeguard" },
      { key: "systems", header: "Used by" },
      { key: "countries", header: "Countries" },
    ],
    rows: o.vendors
      .filter((v) => shown.has(v.id))
      .sort(worstFirst)
      .map((v) => ({
        id: v.id,
        vendor: v.name,
        transfer: v.transfer,
        transferText: TRANSFER_WORDS[v.transfer],
        mechanism: safeguardWords(v.mechanism),
        systems: v.systems.map((s) => systemNames.get(ids.system(s)) ?? s).sort(),
        countries: v.countries.length ? v.countries.map((c) => c.name) : [TRANSFER_WORDS["not-stated"]],
      })),
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

export interface WhereRow extends Record<string, Cell> {
  id: string;
  done: string;
  group: string;
  item: string;
  system: string;
  /** The columns that find the person in a table ("… (stated)"), a referencing table's reference columns, or "not stated". */
  identity: string;
  /** The erasure action the inventory states (a vendor: its stated retention), or "not stated". */
  action: string;
  /** A vendor's privacy/erasure contact as stated, or "not stated". */
  route: string;
  detail: string;
  /** Where the item is stated: each citation (`kentico.yaml:12 · from 'Personal data in Kentico', Users`), as `citation` words it. */
  provenance: string[];
}

/** The checklist's rows, and each row's provenance as the server gives it (for the list to render; the rows carry its words). */
export interface WhereRowSet extends RowSet<WhereRow> {
  provenance: ReadonlyMap<string, readonly Provenance[]>;
}

/** One item's citations, each once (a table's entry states its identity key and erasure action too). */
function cited(...lists: readonly (readonly Provenance[] | undefined)[]): Provenance[] {
  const seen = new Map<string, Provenance>();
  for (const list of lists) for (const p of list ?? []) seen.set(citation(p), seen.get(citation(p)) ?? p);
  return [...seen.values()];
}

export const WHERE_GROUPS = ["Tables & columns", "Referencing tables", "Sources", "Vendors"] as const;

const shortColumn = (c: string) => c.slice(c.indexOf("/") + 1);

/**
 * The "where does this live" checklist: what an access or erasure request must touch, grouped, in the API's order.
 * Every fact is the server's (identity key, action, route, retention); this only words them, and says which rows are
 * ticked (`done`), so the list, its CSV and its printed page are one answer.
 */
export function whereRows(w: WhereResponse, done: ReadonlySet<string> = new Set()): WhereRowSet {
  const rows: { id: string; group: string; item: string; system: string; identity: string; action: string; route: string; detail: string; cites: Provenance[] }[] = [
    ...w.tables.map((t) => ({
      id: t.id,
      group: WHERE_GROUPS[0],
      item: t.name,
      system: t.system,
      identity: t.identity ? `${t.identity.columns.join(", ")} (${t.identity.basis})` : NOT_STATED,
      action: [erasureWords(t.erasure), ...t.columnErasure.map((c) => `${c.column}: ${erasureWords(c)}`)].join("; "),
      route: "",
      detail: `columns: ${t.columns.join(", ")}${t.title ? ` (${t.title})` : ""}`,
      cites: cited(t.provenance, t.identity?.provenance, t.erasure?.provenance, ...t.columnErasure.map((c) => c.provenance)),
    })),
    ...w.referencing.map((r) => ({
      id: `${r.id}>${r.references}`,
      group: WHERE_GROUPS[1],
      item: r.name,
      system: r.system,
      identity: r.columns.length ? `${r.columns.join(", ")} (references ${r.referencesName})` : NOT_STATED,
      action: erasureWords(r.erasure),
      route: "",
      detail: `references ${r.referencesName}${r.columns.length ? ` through ${r.columns.join(", ")}` : ""}`,
      cites: cited(r.provenance, r.erasure?.provenance),
    })),
    ...w.sources.map((s) => ({
      id: `sources:${s.key}`,
      group: WHERE_GROUPS[2],
      item: s.count > 1 ? `${s.name} × ${s.count}` : s.name,
      system: s.system,
      identity: "",
      action: "",
      route: "",
      detail: `${s.how.join(", ")}: ${s.columns.map(shortColumn).join(", ")}`,
      cites: cited(s.provenance),
    })),
    ...w.vendors.map((v) => ({
      id: v.flow,
      group: WHERE_GROUPS[3],
      item: v.service && v.service !== v.name ? `${v.name} (${v.service})` : v.name,
      system: v.system,
      identity: "",
      action: `retention: ${v.retention ?? NOT_STATED}`,
      route: v.privacyContact ?? NOT_STATED,
      detail: `${TRANSFER_WORDS[v.transfer]}; safeguard: ${v.safeguard}; ${v.countries.length ? v.countries.map((c) => c.name).join(", ") : TRANSFER_WORDS["not-stated"]}; receives ${v.columns.map(shortColumn).join(", ")}`,
      cites: cited(v.provenance),
    })),
  ];
  return {
    columns: [
      { key: "group", header: "Group" },
      { key: "item", header: "Item" },
      { key: "system", header: "System" },
      { key: "identity", header: "Identity key" },
      { key: "action", header: "Erasure action" },
      { key: "route", header: "Vendor route" },
      { key: "detail", header: "Detail" },
      { key: "provenance", header: "Where it is stated" },
      { key: "done", header: "Done" },
    ],
    rows: rows.map(({ cites, ...r }) => ({ ...r, provenance: cites.map(citation), done: done.has(r.id) ? "yes" : "no" })),
    provenance: new Map(rows.map((r) => [r.id, r.cites])),
  };
}
