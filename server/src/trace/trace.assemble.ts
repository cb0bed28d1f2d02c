/**
 * Pure: the raw reach of a trace → the answer. Filters the flows, keeps only the columns and edges that lie on a path
 * from the start to a vendor the answer lists, records for each field the path that reaches its vendor (evidence), and
 * groups the flows by vendor with their engagements and transfer status (read from the flows, never re-derived).
 */
import type { TraceRow, TraceSend } from "./trace.repository.js";
import type { Flow, TraceFilters, TraceResponse, TraceVendor, TransferStatus } from "../contract/api.js";
import { ids } from "../contract/ids.js";
import { edgeId, ElementsBuilder, idOf, kindOf } from "../elements/elements.js";
import { bySeverity, unstatedPlaces, worstStatus } from "../transfers/transfer.rule.js";

export const NO_TRACE_FILTERS: TraceFilters = { categories: [], vendors: [], countries: [], transfers: [], systems: [] };

/** Start edges drawn from a category or purpose to its columns, stored in the graph from the column. */
const STORED_BACKWARDS = new Set(["OF_CATEGORY", "FOR_PURPOSE"]);

/** The country filter's value for a flow whose inventory names no country. */
export const NOT_STATED = "not-stated";

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
const categoryId = (s: TraceSend) => (s.category ? idOf(s.category) : null);

/**
 * A vendor's name in an answer: the name its engagements give it when every flow to it there agrees (a system's
 * document may call the vendor differently), else the shared vendor node's name.
 */
export function vendorNames(sends: readonly TraceSend[]): Map<string, string> {
  const given = new Map<string, { node: string; names: Set<string | null> }>();
  for (const s of sends) {
    const v = given.get(idOf(s.vendor)) ?? { node: s.vendor.name, names: new Set() };
    v.names.add(s.flow.vendorName);
    given.set(idOf(s.vendor), v);
  }
  return new Map([...given].map(([id, v]) => [id, v.names.size === 1 ? ([...v.names][0] ?? v.node) : v.node]));
}

/** Where a flow's data goes, from its places: what the transfer rule reads to name the places left out. */
function unstatedOf(s: Pick<TraceSend, "places">): ReturnType<typeof unstatedPlaces> {
  return unstatedPlaces({ entityCountry: s.places.find((p) => p.type === "LOCATED_IN")?.location.code ?? null, dataCountries: s.places.filter((p) => p.type === "STORES_DATA_IN").map((p) => p.location.code) });
}

/**
 * A flow passes when it matches every filter given. A country filter never keeps a flow for a country it does not
 * name; "not-stated" keeps the flows that leave out their entity's or their data's country.
 */
export function passesFilters(s: TraceSend, f: TraceFilters): boolean {
  if (f.vendors.length > 0 && !f.vendors.includes(idOf(s.vendor))) return false;
  if (f.categories.length > 0 && !f.categories.includes(categoryId(s) ?? "")) return false;
  if (f.transfers.length > 0 && !f.transfers.includes(s.flow.transfer)) return false;
  if (f.countries.length > 0) {
    const match = s.places.some((p) => f.countries.includes(p.location.code)) || (f.countries.includes(NOT_STATED) && unstatedOf(s).length > 0);
    if (!match) return false;
  }
  return true;
}

/**
 * The answer within a data set: only columns of these systems, copies between them, and flows whose engagement is one
 * of these systems'. Applied before everything else, so the facets, counts, vendors and elements all describe it.
 */
export function scopeToSystems(row: TraceRow, systems: readonly string[]): TraceRow {
  if (systems.length === 0) return row;
  const columns = row.columns.filter((c) => systems.includes(c.system));
  const kept = new Set(columns.map(idOf));
  return {
    ...row,
    startColumns: row.startColumns.filter((c) => kept.has(c)),
    startTables: row.startTables.filter((t) => systems.includes(t.system)),
    columns,
    copies: row.copies.filter((c) => kept.has(c.source) && kept.has(c.target)),
    sends: row.sends.filter((s) => systems.includes(s.flow.system) && kept.has(idOf(s.column))),
  };
}

function facets(row: TraceRow): TraceResponse["facets"] {
  const categories = new Map<string, string>();
  const vendors = new Map<string, { label: string; statuses: TransferStatus[] }>();
  const countries = new Map<string, string>();
  const transfers = new Set<TransferStatus>();
  const names = vendorNames(row.sends);
  for (const s of row.sends) {
    if (s.category) categories.set(idOf(s.category), s.category.name);
    const v = vendors.get(idOf(s.vendor)) ?? { label: names.get(idOf(s.vendor)) ?? s.vendor.name, statuses: [] };
    v.statuses.push(s.flow.transfer);
    vendors.set(idOf(s.vendor), v);
    for (const p of s.places) countries.set(p.location.code, p.location.name);
    if (unstatedOf(s).length > 0) countries.set(NOT_STATED, "Country not stated");
    transfers.add(s.flow.transfer);
  }
  const list = (m: Map<string, string>) => [...m].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  return {
    categories: list(categories),
    vendors: [...vendors].map(([value, v]) => ({ value, label: v.label, transfer: worstStatus(v.statuses) })).sort((a, b) => a.label.localeCompare(b.label)),
    countries: list(countries),
    transfers: [...transfers].sort(bySeverity),
  };
}

/** Copies as adjacency lists, both ways. */
function copyGraph(row: TraceRow) {
  const out = new Map<string, TraceRow["copies"]>();
  const into = new Map<string, TraceRow["copies"]>();
  for (const c of row.copies) {
    out.set(c.source, [...(out.get(c.source) ?? []), c]);
    into.set(c.target, [...(into.get(c.target) ?? []), c]);
  }
  return { out, into };
}

/** Breadth-first from the start columns: for each reached column the copy that first reached it (a shortest path). */
function shortestCopies(row: TraceRow, out: Map<string, TraceRow["copies"]>): Map<string, TraceRow["copies"][number] | null> {
  const parent = new Map<string, TraceRow["copies"][number] | null>(row.startColumns.map((c) => [c, null]));
  let frontier = [...row.startColumns];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const c of frontier) {
      for (const copy of out.get(c) ?? []) {
        if (parent.has(copy.target)) continue;
        parent.set(copy.target, copy);
        next.push(copy.target);
      }
    }
    frontier = next;
  }
  return parent;
}

/** Every column from which one of `targets` can be reached through copies (the targets included). */
function leadingTo(targets: Iterable<string>, into: Map<string, TraceRow["copies"]>): Set<string> {
  const seen = new Set(targets);
  const stack = [...seen];
  while (stack.length > 0) {
    for (const copy of into.get(stack.pop()!) ?? []) {
      if (!seen.has(copy.source)) {
        seen.add(copy.source);
        stack.push(copy.source);
      }
    }
  }
  return seen;
}

/** The start edges that end in one of `columns`, and those leading to them (start → table → column). */
function startEdgesTo(row: TraceRow, columns: Set<string>): TraceRow["startEdges"] {
  const keep = new Set<TraceRow["startEdges"][number]>();
  const ends = new Set(columns);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of row.startEdges) {
      if (!keep.has(e) && ends.has(e.target)) {
        keep.add(e);
        ends.add(e.source);
        grew = true;
      }
    }
  }
  return [...keep];
}

function evidence(row: TraceRow, send: TraceSend, parent: Map<string, TraceRow["copies"][number] | null>): TraceVendor["fields"][number]["evidence"] {
  const column = idOf(send.column);
  const vendor = idOf(send.vendor);
  const nodes = [column, vendor];
  const edges = [edgeId(column, "SENT_TO", vendor)];
  const via: string[] = [];
  let at = column;
  for (let copy = parent.get(at); copy; copy = parent.get(at)) {
    nodes.unshift(copy.source);
    edges.unshift(edgeId(copy.source, "COPIED_TO", copy.target));
    via.unshift(copy.viaName ?? copy.via);
    at = copy.source;
  }
  // From the start node to the first column: the start edges, walked back. Edges are named as stored in the graph
  // (a column points at its category and purpose; the picture draws those from the category or purpose).
  const startId = idOf(row.start);
  for (let guard = 0; at !== startId && guard < 4; guard++) {
    const e = row.startEdges.find((x) => x.target === at);
    if (!e) break;
    nodes.unshift(e.source);
    edges.unshift(STORED_BACKWARDS.has(e.type) ? edgeId(e.target, e.type, e.source) : edgeId(e.source, e.type, e.target));
    at = e.source;
  }
  return { nodes, edges, via };
}

function flowOf(s: TraceSend): Flow {
  return {
    id: s.flow.flow,
    system: s.flow.system,
    service: s.flow.service,
    purpose: s.flow.purpose,
    role: s.flow.role,
    retention: s.flow.retention,
    legalName: s.flow.legalName,
    mechanism: s.flow.mechanism,
    transfer: s.flow.transfer,
    countries: s.places.map((p) => ({ code: p.location.code, name: p.location.name, eea: p.location.eea, role: p.type === "LOCATED_IN" ? "entity" : "data", transfer: p.transfer })),
  };
}

export function vendorsOf(row: TraceRow, sends: TraceSend[], parent: Map<string, TraceRow["copies"][number] | null>): TraceVendor[] {
  const groups = new Map<string, TraceSend[]>();
  const names = vendorNames(sends);
  for (const s of sends) groups.set(idOf(s.vendor), [...(groups.get(idOf(s.vendor)) ?? []), s]);
  return [...groups]
    .map(([id, list]): TraceVendor => {
      const flows = new Map(list.map((s) => [s.flow.flow, flowOf(s)]));
      const countries = new Map<string, TraceVendor["countries"][number]>();
      for (const f of flows.values()) for (const c of f.countries) countries.set(`${c.role}:${c.code}`, { code: c.code, name: c.name, eea: c.eea, role: c.role });
      const fields = new Map<string, TraceVendor["fields"][number]>();
      for (const s of list) {
        const cid = idOf(s.column);
        if (fields.has(cid)) continue;
        fields.set(cid, {
          id: cid,
          system: s.column.system,
          table: s.column.table,
          column: s.column.name,
          category: s.category?.name ?? null,
          categoryId: categoryId(s),
          evidence: evidence(row, s, parent),
        });
      }
      const mechanisms = new Set([...flows.values()].map((f) => f.mechanism));
      return {
        id,
        name: names.get(id) ?? list[0]!.vendor.name,
        countries: [...countries.values()].sort((a, b) => (a.role === b.role ? a.code.localeCompare(b.code) : a.role === "entity" ? -1 : 1)),
        transfer: worstStatus([...flows.values()].map((f) => f.transfer)),
        mechanism: mechanisms.size === 1 ? [...mechanisms][0]! : null,
        flows: [...flows.values()].sort((a, b) => a.system.localeCompare(b.system) || (a.service ?? "").localeCompare(b.service ?? "") || a.purpose.localeCompare(b.purpose)),
        categories: [...new Map(list.filter((s) => s.category).map((s) => [idOf(s.category!), s.category!.name]))].map(([cid, name]) => ({ id: cid, name })).sort(byName),
        fields: [...fields.values()].sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column)),
        systems: sorted(list.map((s) => s.flow.system)),
        services: sorted(list.flatMap((s) => (s.flow.service ? [s.flow.service] : []))),
        purposes: sorted(list.map((s) => s.flow.purpose)),
        retention: sorted(list.flatMap((s) => (s.flow.retention ? [s.flow.retention] : []))),
      };
    })
    .sort(byName);
}

/** The flows an answer lists: those of the data set in scope that pass the filters. Reports read the same ones. */
export function answeredSends(row: TraceRow, filters: TraceFilters): TraceSend[] {
  return scopeToSystems(row, filters.systems).sends.filter((s) => passesFilters(s, filters));
}

/** Past this many columns on its paths, `detail=auto` draws a trace collapsed to tables → vendors. */
export const COLLAPSE_COLUMNS_OVER = 150;

/** How a trace is drawn: every column, or collapsed to tables (auto: past COLLAPSE_COLUMNS_OVER) with some expanded. */
export interface TraceView {
  detail: "auto" | "columns" | "tables";
  expand: readonly string[];
}

const ALL_COLUMNS: TraceView = { detail: "columns", expand: [] };

interface DrawnEdge {
  source: string;
  type: string;
  target: string;
  label?: string | null;
}

/**
 * Edges between columns → edges between what stands for them (a collapsed table for its columns), each drawn once
 * with how many statements it bundles; edges inside one collapsed table vanish.
 */
function bundle(edges: readonly DrawnEdge[], owner: (id: string) => string): { source: string; type: string; target: string; labels: Set<string>; count: number }[] {
  const out = new Map<string, { source: string; type: string; target: string; labels: Set<string>; statements: Set<string> }>();
  for (const e of edges) {
    const source = owner(e.source);
    const target = owner(e.target);
    if (source === target) continue;
    const id = edgeId(source, e.type, target);
    const b = out.get(id) ?? { source, type: e.type, target, labels: new Set<string>(), statements: new Set<string>() };
    if (e.label) b.labels.add(e.label);
    b.statements.add(edgeId(e.source, e.type, e.target));
    out.set(id, b);
  }
  return [...out.values()].map(({ statements, ...b }) => ({ ...b, count: statements.size }));
}

export function assembleTrace(unscoped: TraceRow, filters: TraceFilters = NO_TRACE_FILTERS, view: TraceView = ALL_COLUMNS): TraceResponse {
  const row = scopeToSystems(unscoped, filters.systems);
  const sends = answeredSends(unscoped, filters);
  const { out, into } = copyGraph(row);
  const parent = shortestCopies(row, out);
  const vendors = vendorsOf(row, sends, parent);
  // Only what leads on to a listed vendor is drawn: every edge lies on a path from the start to one.
  const useful = leadingTo(new Set(sends.map((s) => idOf(s.column))), into);
  const columns = row.columns.filter((c) => useful.has(idOf(c)) && parent.has(idOf(c)));

  const elements = new ElementsBuilder();
  // Nodes by importance, so that when the cap bites the vendors (what a trace is for) are kept and columns go first.
  const start = elements.node(row.start, { focus: true })!;
  const vendorStatus = new Map(vendors.map((v) => [v.id, v.transfer]));
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  for (const s of sends) elements.node({ ...s.vendor, name: vendorName.get(idOf(s.vendor)) ?? s.vendor.name }, { transfer: vendorStatus.get(idOf(s.vendor)) });
  const placeStatus = new Map<string, TransferStatus[]>();
  for (const s of sends) for (const p of s.places) placeStatus.set(idOf(p.location), [...(placeStatus.get(idOf(p.location)) ?? []), p.transfer]);
  for (const s of sends) for (const p of s.places) elements.node(p.location, { transfer: worstStatus(placeStatus.get(idOf(p.location))!) });
  const startEdges = startEdgesTo(row, new Set(columns.map(idOf)));
  const onPath = new Set(startEdges.map((e) => e.target));

  // Collapsed: each column is drawn as its table (the start itself when the start is that table), unless expanded.
  const detail = view.detail === "auto" ? (columns.length > COLLAPSE_COLUMNS_OVER ? "tables" : "columns") : view.detail;
  const tableOf = new Map(columns.map((c) => [idOf(c), ids.table(c.system, c.table)]));
  const expanded = detail === "tables" ? [...new Set(view.expand)].filter((t) => [...tableOf.values()].includes(t)).sort() : [];
  const owner = (id: string) => {
    const table = tableOf.get(id);
    return detail === "columns" || id === start || table === undefined || expanded.includes(table) ? id : table;
  };
  const tableProps = new Map(row.startTables.map((t) => [idOf(t), t]));
  const standsFor = new Map<string, number>();
  for (const c of columns) if (owner(idOf(c)) !== idOf(c)) standsFor.set(owner(idOf(c)), (standsFor.get(owner(idOf(c))) ?? 0) + 1);
  for (const t of row.startTables) if (onPath.has(idOf(t)) || standsFor.has(idOf(t))) elements.node(t, standsFor.has(idOf(t)) ? { collapsed: { columns: standsFor.get(idOf(t)) } } : {});
  for (const c of columns) {
    const table = owner(idOf(c));
    if (table === idOf(c)) continue;
    if (table === start) continue;
    elements.node(tableProps.get(table) ?? { kind: "table", key: `${c.system}/${c.table}`, name: c.table, system: c.system }, { collapsed: { columns: standsFor.get(table) } });
  }
  for (const c of columns) if (owner(idOf(c)) === idOf(c)) elements.node(c);

  const drawn: DrawnEdge[] = [
    ...startEdges,
    ...row.copies
      .filter((c) => useful.has(c.source) && useful.has(c.target) && parent.has(c.source))
      .map((c) => ({ source: c.source, type: "COPIED_TO", target: c.target, label: c.viaName ?? null })),
    ...sends.map((s) => ({ source: idOf(s.column), type: "SENT_TO", target: idOf(s.vendor), label: s.flow.service ?? s.flow.purpose })),
  ];
  for (const e of bundle(drawn, owner)) {
    const label = [...e.labels].sort().join(", ") || null;
    elements.edge(e.source, e.type, e.target, e.count > 1 && detail === "tables" ? { label, count: e.count } : { label });
  }
  for (const s of sends) for (const p of s.places) elements.edge(idOf(s.vendor), p.type, idOf(p.location), { label: s.flow.system });
  const built = elements.build();
  return {
    from: { id: start, kind: kindOf(row.start), label: row.start.name, system: row.start.system },
    filters,
    facets: facets(row),
    totalVendors: new Set(row.sends.map((s) => idOf(s.vendor))).size,
    vendors,
    systems: sorted([...(row.start.system ? [row.start.system] : []), ...columns.map((c) => c.system), ...sends.map((s) => s.flow.system)]),
    detail,
    expanded,
    elements: built,
    truncated: elements.truncated,
    omitted: elements.omitted(),
  };
}
