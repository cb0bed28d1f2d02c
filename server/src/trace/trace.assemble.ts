/**
 * Pure: the raw reach of a trace → the answer. Filters the flows, keeps only the columns and edges that lie on a path
 * from the start to a vendor the answer lists, records for each field the path that reaches its vendor (evidence), and
 * groups the flows by vendor with their engagements and transfer status (read from the flows, never re-derived).
 */
import { downstreamOf, pathTo } from "./trace.reach.js";
import type { TraceRow, TraceSend, TraceSilent } from "./trace.repository.js";
import type { Flow, Provenance, TraceFilters, TraceResponse, TraceVendor, TransferStatus } from "../contract/api.js";
import { ids } from "../contract/ids.js";
import { FIELDS_NOT_STATED } from "../contract/words.js";
import { edgeId, ElementsBuilder, idOf, kindOf } from "../elements/elements.js";
import { citedOf, DERIVED, FIELDS_NOT_STATED as NOT_STATED_FIELDS, mergeProvenance, provenanceOf, SAME_CATEGORY } from "../elements/provenance.js";
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
export function vendorNames(sends: readonly (TraceSend | TraceSilent)[]): Map<string, string> {
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
export function passesFilters(s: TraceSend | TraceSilent, f: TraceFilters): boolean {
  if (f.vendors.length > 0 && !f.vendors.includes(idOf(s.vendor))) return false;
  // A flow whose fields are not stated is never taken to carry a category.
  if (f.categories.length > 0 && !("column" in s && f.categories.includes(categoryId(s) ?? ""))) return false;
  if (f.transfers.length > 0 && !f.transfers.includes(s.flow.transfer)) return false;
  if (f.countries.length > 0) {
    const match = s.places.some((p) => f.countries.includes(p.location.code)) || (f.countries.includes(NOT_STATED) && unstatedOf(s).length > 0);
    if (!match) return false;
  }
  return true;
}

/**
 * The answer within a data set: only what starts in these systems, and everything their data reaches from there (a
 * copy into another of our systems is followed; that system's part is marked "outside the selection"); vendor flows
 * of the reached columns, and the engagements of these systems whose fields are not stated. Applied before everything
 * else, so the facets, counts, vendors and elements all describe it.
 */
export function scopeToSystems(row: TraceRow, systems: readonly string[]): TraceRow {
  if (systems.length === 0) return row;
  const startColumns = row.startColumns.filter((c) => systems.includes(row.columns.find((x) => idOf(x) === c)?.system ?? ""));
  const next = new Map<string, string[]>();
  for (const c of row.copies) next.set(c.source, [...(next.get(c.source) ?? []), c.target]);
  const kept = new Set(startColumns);
  const stack = [...startColumns];
  while (stack.length > 0) {
    for (const t of next.get(stack.pop()!) ?? []) {
      if (kept.has(t)) continue;
      kept.add(t);
      stack.push(t);
    }
  }
  const columns = row.columns.filter((c) => kept.has(idOf(c)));
  return {
    ...row,
    startColumns,
    startTables: row.startTables.filter((t) => systems.includes(t.system)),
    columns,
    copies: row.copies.filter((c) => kept.has(c.source) && kept.has(c.target)),
    sends: row.sends.filter((s) => kept.has(idOf(s.column))),
    silent: row.silent.filter((s) => systems.includes(s.flow.system)),
  };
}

/**
 * The answer's flows into our other systems that no copy into a loaded table carries: reached columns of a category
 * the owner sends without naming tables, and reached columns of a table whose copy waits for a system or table not
 * loaded. Each becomes an edge from the column to that system. Vendor and country filters keep none (they ask about
 * vendors); a transfer filter keeps those of its statuses (a target not loaded counts as not stated).
 */
function systemDestinations(row: TraceRow, filters: TraceFilters): { list: NonNullable<TraceResponse["toSystems"]>; edges: FlowEdge[] } {
  if (filters.vendors.length > 0 || filters.countries.length > 0) return { list: [], edges: [] };
  const list: NonNullable<TraceResponse["toSystems"]> = [];
  const edges: FlowEdge[] = [];
  for (const f of row.systemFlows ?? []) {
    if (filters.transfers.length > 0 && !filters.transfers.includes(f.transfer ?? "not-stated")) continue;
    const loaded = f.targetName !== null;
    const copies = JSON.parse(f.copies) as { from: string; to: string }[];
    const waiting = new Set(copies.filter((c) => !loaded || !f.linkedTables.includes(c.to)).map((c) => c.from));
    const carried = row.columns.filter(
      (c) =>
        c.system === f.system &&
        c.columnKind === "personal" &&
        ((c.category !== null && f.categories.includes(c.category)) || waiting.has(c.table)) &&
        (filters.categories.length === 0 || (c.category !== null && filters.categories.includes(ids.category(c.category)))),
    );
    if (carried.length === 0) continue;
    const target = ids.system(f.target);
    const label = loaded ? `${f.name}: tables not stated` : `${f.name}: system not loaded`;
    list.push({
      flow: f.flow,
      system: f.system,
      target: f.target,
      name: f.targetName ?? f.target,
      label,
      loaded,
      transfer: f.transfer,
      categories: sorted(carried.flatMap((c) => (c.category ? [c.category] : []))),
      columns: carried.map(idOf),
    });
    const provenance = provenanceOf(f);
    for (const c of carried) edges.push({ from: idOf(c), to: target, drawn: { source: idOf(c), type: "SENDS_TO", target, label, provenance } });
  }
  return { list, edges };
}

function facets(row: TraceRow): TraceResponse["facets"] {
  const categories = new Map<string, string>();
  const vendors = new Map<string, { label: string; statuses: TransferStatus[] }>();
  const countries = new Map<string, string>();
  const transfers = new Set<TransferStatus>();
  const names = vendorNames([...row.sends, ...row.silent]);
  for (const s of row.sends) if (s.category) categories.set(idOf(s.category), s.category.name);
  for (const s of [...row.sends, ...row.silent]) {
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

/**
 * One step data can take in a trace. While searching, a table that sends or receives one category through a copy whose
 * column mappings the inventory does not state is a node of its own (`carrierOf`), so that a copy of names never lets
 * emails through and a copy lands only where its own source puts it; in the answer it is the table. `drawn` is the edge as the picture shows it, `stored` the graph's edge id
 * (as the graph stores it: a column's table points at the column, a column at its category).
 */
interface Step {
  from: string;
  to: string;
  drawn: DrawnEdge;
  stored: string;
  via: string | null;
  /** Where the step is stated, or the rule that infers it (a category-scoped copy's landing). */
  provenance: Provenance[];
  /** From a column into its own table's copy: drawn only where the trace reaches that table through the column alone. */
  intoOwnTable?: true;
}

/** The search graph of a trace: its steps, what each search node stands for, and how far each is from the start. */
export interface Reach {
  steps: Step[];
  real: (node: string) => string;
  /** Breadth-first from the start: the step that first reached each node (a shortest path), null for the start. */
  parent: Map<string, Step | null>;
}

/** A table as the origin (`>`) or the landing (`<`) of one category-scoped copy, for one category: a node of the search. */
const carrierOf = (table: string, end: ">" | "<", category: string, via: string) => `${table}#${category}${end}${via}`;

/**
 * The steps of a trace: the start edges; a stated copy column to column; a category-scoped copy (no stated mapping) as
 * column → its table → the fed table → the fed table's columns of that category, its middle step one table → table
 * edge per category ("Name: columns not stated"), never a pair of columns the inventory does not name.
 */
export function reachOf(row: TraceRow): Reach {
  const columns = new Map(row.columns.map((c) => [idOf(c), c]));
  const tableOf = (column: string) => {
    const c = columns.get(column);
    return c ? ids.table(c.system, c.table) : null;
  };
  const carriers = new Map<string, string>();
  const steps = new Map<string, Step>();
  const add = (step: Step) => steps.set(`${step.from}|${step.to}|${step.stored}`, step);
  for (const e of row.startEdges) {
    const stored = STORED_BACKWARDS.has(e.type) ? edgeId(e.target, e.type, e.source) : edgeId(e.source, e.type, e.target);
    const provenance = provenanceOf(e);
    add({ from: e.source, to: e.target, drawn: { source: e.source, type: e.type, target: e.target, provenance }, stored, via: null, provenance });
  }
  for (const c of row.copies) {
    const via = c.viaName ?? c.via;
    if (c.mapping === "stated") {
      const provenance = provenanceOf(c);
      add({ from: c.source, to: c.target, drawn: { source: c.source, type: "COPIED_TO", target: c.target, label: c.viaName, provenance }, stored: edgeId(c.source, "COPIED_TO", c.target), via, provenance });
      continue;
    }
    const from = tableOf(c.source);
    const to = tableOf(c.target);
    const category = columns.get(c.source)?.category;
    if (!from || !to || !category) continue;
    // Keyed by the copying source too: another source landing in the same table may fill other columns there.
    const out = carrierOf(from, ">", category, c.via);
    const into = carrierOf(to, "<", category, c.via);
    carriers.set(out, from).set(into, to);
    // The column is stated in its table; the table → table copy by its source; that the category lands in the fed
    // table's columns of that category is inferred (same-category), each such column stated in its table.
    const own = provenanceOf(columns.get(c.source));
    add({ from: c.source, to: out, drawn: { source: from, type: "HAS_COLUMN", target: c.source, provenance: own }, stored: edgeId(from, "HAS_COLUMN", c.source), via: null, provenance: own, intoOwnTable: true });
    const copy = [SAME_CATEGORY, ...citedOf(c)];
    add({
      from: out,
      to: into,
      drawn: { source: from, type: "COPIED_TO", target: to, label: `${c.categoryName ?? category}: columns not stated`, key: category, provenance: copy },
      stored: edgeId(from, "COPIED_TO", to),
      via: `${via} (${c.categoryName ?? category}, columns not stated)`,
      provenance: copy,
    });
    const landing = [SAME_CATEGORY, ...citedOf(columns.get(c.target))];
    add({ from: into, to: c.target, drawn: { source: to, type: "HAS_COLUMN", target: c.target, provenance: landing }, stored: edgeId(to, "HAS_COLUMN", c.target), via: null, provenance: landing });
  }
  const all = [...steps.values()];
  const out = new Map<string, Step[]>();
  for (const step of all) out.set(step.from, [...(out.get(step.from) ?? []), step]);
  const parent = new Map([...breadthFirst(row, out)].map(([node, r]) => [node, r.step]));
  return { steps: all, real: (node) => carriers.get(node) ?? node, parent };
}

/** Every reached search node from which one of `targets` can be reached (the targets included). */
function leadingTo(targets: Iterable<string>, reach: Reach): Set<string> {
  const into = new Map<string, Step[]>();
  for (const step of reach.steps) if (reach.parent.has(step.from)) into.set(step.to, [...(into.get(step.to) ?? []), step]);
  const seen = new Set([...targets].filter((t) => reach.parent.has(t)));
  const stack = [...seen];
  while (stack.length > 0) {
    for (const step of into.get(stack.pop()!) ?? []) {
      if (!seen.has(step.from)) {
        seen.add(step.from);
        stack.push(step.from);
      }
    }
  }
  return seen;
}

interface FlowEdge {
  from: string;
  to: string;
  drawn: DrawnEdge;
}

/**
 * Breadth-first along `out` from the start, then from the start columns no step of it reaches (the query names every
 * column it starts from; one no start edge leads to still starts its own paths): for each node reached, the step that
 * first reached it (null for a seed: a shortest path) and how far it is.
 */
function breadthFirst<S extends { to: string }>(row: TraceRow, out: ReadonlyMap<string, readonly S[]>): Map<string, { step: S | null; depth: number }> {
  const reached = new Map<string, { step: S | null; depth: number }>();
  const spread = (seeds: string[], depth: number) => {
    for (const seed of seeds) reached.set(seed, { step: null, depth });
    let frontier = seeds;
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const node of frontier) {
        for (const step of out.get(node) ?? []) {
          if (reached.has(step.to)) continue;
          reached.set(step.to, { step, depth: reached.get(node)!.depth + 1 });
          next.push(step.to);
        }
      }
      frontier = next;
    }
  };
  spread([idOf(row.start)], 0);
  spread(row.startColumns.filter((c) => !reached.has(c)), 1);
  return reached;
}

/** How far each node of the picture is from the start, along the flow. */
function depthsFrom(row: TraceRow, edges: readonly FlowEdge[]): Map<string, number> {
  const out = new Map<string, FlowEdge[]>();
  for (const e of edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  return new Map([...breadthFirst(row, out)].map(([node, r]) => [node, r.depth]));
}

/**
 * The picture, as the nodes the answer names: every edge on a path from the start to a listed vendor, none leading
 * nowhere. A column whose data goes on only through its table's category-scoped copy is not drawn as a dead end: the
 * table's copy edge carries it; where the trace reaches that table only through the column (a column or category
 * start), the table's edge to the column is drawn, marked as going back. An edge into a node the trace reached no
 * later than its source is marked `back` too (a copy returning to a table).
 */
function drawnEdges(row: TraceRow, reach: Reach, useful: Set<string>, sends: readonly TraceSend[], toSystems: readonly FlowEdge[] = [], landed: readonly string[] = []): DrawnEdge[] {
  const steps = reach.steps.filter((step) => useful.has(step.from) && useful.has(step.to));
  const flow = (step: Step): FlowEdge => ({ from: reach.real(step.from), to: reach.real(step.to), drawn: step.drawn });
  const edges: FlowEdge[] = [
    ...steps.filter((step) => !step.intoOwnTable).map(flow),
    ...sends.map((s) => ({ from: idOf(s.column), to: idOf(s.vendor), drawn: { source: idOf(s.column), type: "SENT_TO", target: idOf(s.vendor), label: s.flow.service ?? s.flow.purpose, provenance: provenanceOf(s) } })),
    ...toSystems,
  ];
  const reached = depthsFrom(row, edges);
  const entries = steps.filter((step) => step.intoOwnTable && !reached.has(reach.real(step.to))).map((step) => ({ ...flow(step), drawn: { ...step.drawn, back: true } }));
  const all = [...edges, ...entries];
  const depth = depthsFrom(row, all);
  const into = new Map<string, string[]>();
  for (const e of all) into.set(e.to, [...(into.get(e.to) ?? []), e.from]);
  const productive = new Set([...sends.map((s) => idOf(s.vendor)), ...toSystems.map((e) => e.to), ...landed]);
  const stack = [...productive];
  while (stack.length > 0) {
    for (const n of into.get(stack.pop()!) ?? []) {
      if (productive.has(n)) continue;
      productive.add(n);
      stack.push(n);
    }
  }
  return all
    .filter((e) => depth.has(e.from) && productive.has(e.to))
    .map((e) => ({ ...e.drawn, back: e.drawn.back ?? depth.get(e.to)! <= depth.get(e.from)! }));
}

/**
 * The path that reaches a vendor: the shortest chain of steps from the start to the field, as the nodes the answer
 * names. No node repeats: where a chain passes a node twice (a start table, then the same table carrying one of its
 * categories on), the loop between the two visits is cut.
 */
function evidence(row: TraceRow, send: TraceSend, reach: Reach): TraceVendor["fields"][number]["evidence"] {
  const column = idOf(send.column);
  const { nodes, edges, via, provenance } = pathTo(reach, column);
  const vendor = idOf(send.vendor);
  return { nodes: [...nodes, vendor], edges: [...edges, edgeId(column, "SENT_TO", vendor)], via, provenance: [...provenance, provenanceOf(send)] };
}

function flowOf(s: TraceSend | TraceSilent): Flow {
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
    fields: "column" in s ? "stated" : "not-stated",
    provenance: "column" in s ? provenanceOf(s.flow) : [...provenanceOf(s.flow), NOT_STATED_FIELDS],
  };
}

/**
 * The vendors an answer lists, each with its flows (a flow whose fields are not stated among them, with no field) and
 * the fields it receives with their evidence.
 */
export function vendorsOf(row: TraceRow, sends: TraceSend[], silent: TraceSilent[], reach: Reach, fieldsCap: number = Infinity): TraceVendor[] {
  const groups = new Map<string, { sends: TraceSend[]; silent: TraceSilent[] }>();
  const names = vendorNames([...sends, ...silent]);
  const group = (id: string) => groups.get(id) ?? groups.set(id, { sends: [], silent: [] }).get(id)!;
  for (const s of sends) group(idOf(s.vendor)).sends.push(s);
  for (const s of silent) group(idOf(s.vendor)).silent.push(s);
  return [...groups]
    .map(([id, { sends: list, silent: unstated }]): TraceVendor => {
      const all = [...list, ...unstated];
      const flows = new Map(all.map((s) => [s.flow.flow, flowOf(s)]));
      const countries = new Map<string, TraceVendor["countries"][number]>();
      // A country's status over the flows (the US is adequate for a flow under the DPF only): the worst, once, here.
      const byCode = new Map<string, TransferStatus[]>();
      for (const f of flows.values()) for (const c of f.countries) byCode.set(c.code, [...(byCode.get(c.code) ?? []), c.transfer]);
      for (const f of flows.values()) {
        for (const c of f.countries) countries.set(`${c.role}:${c.code}`, { code: c.code, name: c.name, eea: c.eea, role: c.role, transfer: worstStatus(byCode.get(c.code)!) });
      }
      // Every field counts; only the first `fieldsCap` (table, column order) are listed, and only theirs get evidence.
      const byField = new Map<string, TraceSend>();
      for (const s of list) if (!byField.has(idOf(s.column))) byField.set(idOf(s.column), s);
      const listed = [...byField.values()].sort((a, b) => a.column.table.localeCompare(b.column.table) || a.column.name.localeCompare(b.column.name)).slice(0, fieldsCap);
      const fields = listed.map((s) => ({
        id: idOf(s.column),
        system: s.column.system,
        table: s.column.table,
        column: s.column.name,
        category: s.category?.name ?? null,
        categoryId: categoryId(s),
        evidence: evidence(row, s, reach),
      }));
      const mechanisms = new Set([...flows.values()].map((f) => f.mechanism));
      return {
        id,
        name: names.get(id) ?? all[0]!.vendor.name,
        countries: [...countries.values()].sort((a, b) => (a.role === b.role ? a.code.localeCompare(b.code) : a.role === "entity" ? -1 : 1)),
        transfer: worstStatus([...flows.values()].map((f) => f.transfer)),
        mechanism: mechanisms.size === 1 ? [...mechanisms][0]! : null,
        flows: [...flows.values()].sort((a, b) => a.system.localeCompare(b.system) || (a.service ?? "").localeCompare(b.service ?? "") || a.purpose.localeCompare(b.purpose)),
        categories: [...new Map(list.filter((s) => s.category).map((s) => [idOf(s.category!), s.category!.name]))].map(([cid, name]) => ({ id: cid, name })).sort(byName),
        fields,
        fieldCount: byField.size,
        systems: sorted(all.map((s) => s.flow.system)),
        services: sorted(all.flatMap((s) => (s.flow.service ? [s.flow.service] : []))),
        purposes: sorted(all.map((s) => s.flow.purpose)),
        retention: sorted(all.flatMap((s) => (s.flow.retention ? [s.flow.retention] : []))),
      };
    })
    .sort(byVendorOrder);
}

/** The order vendors are listed and paged in: by name, then id (two vendors may share a name). */
export const byVendorOrder = (a: { name: string; id: string }, b: { name: string; id: string }) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** The flows an answer lists: those of the data set in scope that pass the filters. Reports read the same ones. */
export function answeredSends(row: TraceRow, filters: TraceFilters): TraceSend[] {
  return scopeToSystems(row, filters.systems).sends.filter((s) => passesFilters(s, filters));
}

/** The flows whose fields are not stated that an answer lists (a system's), under the same scope and filters. */
export function answeredSilent(row: TraceRow, filters: TraceFilters): TraceSilent[] {
  return scopeToSystems(row, filters.systems).silent.filter((s) => passesFilters(s, filters));
}

/** Past this many columns on its paths, `detail=auto` draws a trace collapsed to tables → vendors. */
export const COLLAPSE_COLUMNS_OVER = 150;

/** How a trace is drawn: every column, or collapsed to tables (auto: past COLLAPSE_COLUMNS_OVER) with some expanded. */
export interface TraceView {
  detail: "auto" | "columns" | "tables";
  expand: readonly string[];
  /** List one page of vendors (and at most `fields` fields of each); absent: every vendor and field (reports). */
  page?: TracePage;
}

/** A page of a trace's vendor list: after the vendor with this sort key (`byVendorOrder`), at most `limit`. */
export interface TracePage {
  limit: number;
  fields: number;
  after: readonly [name: string, id: string] | null;
}

/** The vendors of one page and whether more follow; every vendor still counts (`vendorCount`). */
export function vendorPage(vendors: readonly TraceVendor[], page: TracePage | undefined): { items: TraceVendor[]; more: boolean } {
  if (!page) return { items: [...vendors], more: false };
  const after = page.after;
  const rest = after ? vendors.filter((v) => byVendorOrder(v, { name: after[0], id: after[1] }) > 0) : vendors;
  return { items: rest.slice(0, page.limit), more: rest.length > page.limit };
}

/** Just the list of a trace (no drawing): one page of its vendors, for a client asking for more, and their total. */
export function traceVendorList(unscoped: TraceRow, filters: TraceFilters, page: TracePage): { vendors: TraceVendor[]; vendorCount: number; more: boolean } {
  const row = scopeToSystems(unscoped, filters.systems);
  const all = vendorsOf(row, answeredSends(unscoped, filters), answeredSilent(unscoped, filters), reachOf(row), page.fields);
  const { items, more } = vendorPage(all, page);
  return { vendors: items, vendorCount: all.length, more };
}

/** One vendor's fields in a trace, after the field `after` (table, column order), at most `limit`, with their total. */
export function traceVendorFields(unscoped: TraceRow, filters: TraceFilters, vendor: string, after: readonly [table: string, column: string] | null, limit: number): { fields: TraceVendor["fields"]; fieldCount: number; more: boolean } | null {
  const row = scopeToSystems(unscoped, filters.systems);
  const sends = answeredSends(unscoped, filters).filter((s) => idOf(s.vendor) === vendor);
  const silent = answeredSilent(unscoped, filters).filter((s) => idOf(s.vendor) === vendor);
  if (sends.length + silent.length === 0) return null;
  const byField = new Map<string, TraceSend>();
  for (const s of sends) if (!byField.has(idOf(s.column))) byField.set(idOf(s.column), s);
  const ordered = [...byField.values()].sort((a, b) => a.column.table.localeCompare(b.column.table) || a.column.name.localeCompare(b.column.name));
  const rest = after ? ordered.filter((s) => (s.column.table.localeCompare(after[0]) || s.column.name.localeCompare(after[1])) > 0) : ordered;
  const listed = rest.slice(0, limit);
  const reach = reachOf(row);
  return {
    fields: listed.map((s) => ({ id: idOf(s.column), system: s.column.system, table: s.column.table, column: s.column.name, category: s.category?.name ?? null, categoryId: categoryId(s), evidence: evidence(row, s, reach) })),
    fieldCount: byField.size,
    more: rest.length > limit,
  };
}

const ALL_COLUMNS: TraceView = { detail: "columns", expand: [] };

interface DrawnEdge {
  source: string;
  type: string;
  target: string;
  label?: string | null;
  /** Tells apart edges between the same two nodes (a copy between two tables, one edge per category it carries). */
  key?: string;
  /** The edge goes back to a node the trace reached no later than its source (a copy returning to a table). */
  back?: boolean;
  provenance?: Provenance[];
}

/**
 * Edges between columns → edges between what stands for them (a collapsed table for its columns), each drawn once
 * with how many statements it bundles; edges inside one collapsed table vanish.
 */
function bundle(
  edges: readonly DrawnEdge[],
  owner: (id: string) => string,
): { source: string; type: string; target: string; key?: string; back: boolean; labels: Set<string>; count: number; provenance: Provenance[] }[] {
  const out = new Map<string, { source: string; type: string; target: string; key?: string; back: boolean; labels: Set<string>; statements: Set<string>; provenance: Provenance[] }>();
  for (const e of edges) {
    const source = owner(e.source);
    const target = owner(e.target);
    if (source === target) continue;
    const id = `${edgeId(source, e.type, target)}${e.key ? `|${e.key}` : ""}`;
    const b = out.get(id) ?? { source, type: e.type, target, ...(e.key ? { key: e.key } : {}), back: false, labels: new Set<string>(), statements: new Set<string>(), provenance: [] };
    if (e.label) b.labels.add(e.label);
    b.provenance = mergeProvenance(b.provenance, e.provenance);
    b.back ||= e.back === true;
    b.statements.add(edgeId(e.source, e.type, e.target));
    out.set(id, b);
  }
  // A bundle of several statements is derived from them; it cites each.
  return [...out.values()].map(({ statements, ...b }) => ({ ...b, count: statements.size, provenance: statements.size > 1 ? [DERIVED, ...b.provenance] : b.provenance }));
}

export function assembleTrace(unscoped: TraceRow, filters: TraceFilters = NO_TRACE_FILTERS, view: TraceView = ALL_COLUMNS): TraceResponse {
  const row = scopeToSystems(unscoped, filters.systems);
  const sends = answeredSends(unscoped, filters);
  const silent = answeredSilent(unscoped, filters);
  const reach = reachOf(row);
  const vendors = vendorsOf(row, sends, silent, reach, view.page?.fields);
  const listed = vendorPage(vendors, view.page);
  const toSystems = systemDestinations(row, filters);
  // Only what leads on to a listed vendor, one of our systems the data goes to, or a column it is copied into is drawn: every edge lies on a path from the start to one.
  const kept = leadingTo(new Set([...sends.map((s) => idOf(s.column)), ...toSystems.edges.map((e) => e.from)]), reach);
  const downstream = downstreamOf(row, reach, filters, kept);
  const landed = downstream.map((d) => d.column);
  const flowEdges = drawnEdges(row, reach, leadingTo(new Set([...kept, ...landed]), reach), sends, toSystems.edges, landed);
  const drawnIds = new Set(flowEdges.flatMap((e) => [e.source, e.target]));
  const columns = row.columns.filter((c) => drawnIds.has(idOf(c)));

  const elements = new ElementsBuilder();
  // Nodes by importance, so that when the cap bites the vendors (what a trace is for) are kept and columns go first.
  const start = elements.node(row.start, { focus: true })!;
  const vendorStatus = new Map(vendors.map((v) => [v.id, v.transfer]));
  const vendorName = new Map(vendors.map((v) => [v.id, v.name]));
  const flows = [...sends, ...silent];
  for (const s of flows) elements.node({ ...s.vendor, name: vendorName.get(idOf(s.vendor)) ?? s.vendor.name }, { transfer: vendorStatus.get(idOf(s.vendor)) });
  const placeStatus = new Map<string, TransferStatus[]>();
  for (const s of flows) for (const p of s.places) placeStatus.set(idOf(p.location), [...(placeStatus.get(idOf(p.location)) ?? []), p.transfer]);
  for (const s of flows) for (const p of s.places) elements.node(p.location, { transfer: worstStatus(placeStatus.get(idOf(p.location))!) });
  for (const t of toSystems.list) {
    elements.node({ kind: "system", key: t.target, name: t.loaded ? t.name : `${t.name} (not loaded)`, system: t.target }, { notLoaded: !t.loaded, ...(t.transfer ? { transfer: t.transfer } : {}) });
  }

  // Collapsed: each column is drawn as its table (the start itself when the start is that table), unless expanded.
  const detail = view.detail === "auto" ? (columns.length > COLLAPSE_COLUMNS_OVER ? "tables" : "columns") : view.detail;
  const tableOf = new Map(columns.map((c) => [idOf(c), ids.table(c.system, c.table)]));
  const expanded = detail === "tables" ? [...new Set(view.expand)].filter((t) => [...tableOf.values()].includes(t)).sort() : [];
  const owner = (id: string) => {
    const table = tableOf.get(id);
    return detail === "columns" || id === start || table === undefined || expanded.includes(table) ? id : table;
  };
  const tableProps = new Map(row.startTables.map((t) => [idOf(t), t]));
  for (const c of columns) {
    if (!tableProps.has(ids.table(c.system, c.table))) tableProps.set(ids.table(c.system, c.table), { kind: "table", key: `${c.system}/${c.table}`, name: c.table, system: c.system, title: null, at: c.tableAt, ...(c.tableSeen && typeof c.tableSeen === "object" ? c.tableSeen : {}) });
  }
  const standsFor = new Map<string, number>();
  for (const c of columns) if (owner(idOf(c)) !== idOf(c)) standsFor.set(owner(idOf(c)), (standsFor.get(owner(idOf(c))) ?? 0) + 1);
  const tables = new Set([...standsFor.keys(), ...[...drawnIds].filter((id) => tableProps.has(id))]);
  for (const t of tables) {
    if (t === start) continue;
    elements.node(tableProps.get(t)!, standsFor.has(t) ? { collapsed: { columns: standsFor.get(t) } } : {});
  }
  // A column sent to a vendor names its data category: the app's "via categories" picture routes the flow through it
  // from the picture alone, so it is drawn from the first page of a trace as it is from the whole answer.
  const categoryOfColumn = new Map(sends.flatMap((s) => (s.category ? [[idOf(s.column), s.category] as const] : [])));
  for (const c of columns) {
    if (owner(idOf(c)) !== idOf(c)) continue;
    const category = categoryOfColumn.get(idOf(c));
    elements.node(c, category ? { categoryId: idOf(category), categoryName: category.name } : {});
  }

  for (const e of bundle(flowEdges, owner)) {
    const label = [...e.labels].sort().join(", ") || null;
    elements.edge(e.source, e.type, e.target, {
      label,
      provenance: e.provenance,
      ...(e.count > 1 && detail === "tables" ? { count: e.count } : {}),
      ...(e.key ? { key: e.key } : {}),
      ...(e.back ? { back: true } : {}),
    });
  }
  // The system's engagement itself is the statement: drawn from the system, saying what the inventory leaves out.
  for (const s of silent) {
    elements.edge(start, "USES_VENDOR", idOf(s.vendor), { label: `${s.flow.service ?? s.flow.purpose}: ${FIELDS_NOT_STATED}`, provenance: [...provenanceOf(s.flow), NOT_STATED_FIELDS] });
  }
  for (const s of flows) for (const p of s.places) elements.edge(idOf(s.vendor), p.type, idOf(p.location), { label: s.flow.system, provenance: provenanceOf(p) });
  const built = elements.build();
  // Scoped to some systems: their data followed into others, whose nodes say they are outside the selection.
  const outside = new Set<string>();
  if (filters.systems.length > 0) {
    for (const n of built.nodes) {
      const system = typeof n.data.system === "string" ? n.data.system : null;
      if (system && n.data.kind !== "vendor" && n.data.kind !== "location" && !filters.systems.includes(system)) {
        n.data.outside = true;
        outside.add(system);
      }
    }
  }
  return {
    from: { id: start, kind: kindOf(row.start), label: row.start.name, system: row.start.system },
    filters,
    facets: facets(row),
    totalVendors: new Set([...row.sends, ...row.silent].map((s) => idOf(s.vendor))).size,
    vendors: listed.items,
    vendorCount: vendors.length,
    systems: sorted([...(row.start.system ? [row.start.system] : []), ...columns.map((c) => c.system), ...sends.map((s) => s.flow.system)]),
    detail,
    expanded,
    elements: built,
    truncated: elements.truncated,
    omitted: elements.omitted(),
    toSystems: toSystems.list,
    outsideSelection: sorted(outside),
    downstream,
  };
}
