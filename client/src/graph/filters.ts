/**
 * Filters over a drawn answer: by system, kind, category, vendor, country and transfer status, and "hide system
 * columns". A trace applies the data filters (category, vendor, country, transfer) on the server, so its list, counts
 * and exports describe the same answer; other views apply them here. Pure: elements in, elements out. An empty list
 * means "no restriction" on that dimension.
 */
import type { ElementNode, Elements, TransferStatus } from "@contract/api";
import { ids, parseNodeId, type NodeKind } from "@contract/ids";
import { TRANSFER_ORDER, TRANSFER_WORDS } from "@contract/words";


export interface Filters {
  systems: string[];
  hiddenKinds: NodeKind[];
  categories: string[];
  vendors: string[];
  /** Location ids (or, for a trace, country codes); "not-stated" keeps only vendors whose country is unknown. */
  countries: string[];
  transfers: string[];
  hideSystemColumns: boolean;
}

export const NO_FILTERS: Filters = { systems: [], hiddenKinds: [], categories: [], vendors: [], countries: [], transfers: [], hideSystemColumns: false };

/** The country filter's value for "the inventory names no country". */
export const NOT_STATED = "not-stated";

/** The data filters (the ones a trace answers on the server), emptied. */
export function withoutDataFilters(f: Filters): Filters {
  return { ...f, categories: [], vendors: [], countries: [], transfers: [] };
}

export function activeFilterCount(f: Filters): number {
  return f.systems.length + f.hiddenKinds.length + f.categories.length + f.vendors.length + f.countries.length + f.transfers.length + (f.hideSystemColumns ? 1 : 0);
}

/** A column's category: from an OF_CATEGORY edge when drawn, else from the node's own data. */
function columnCategories(elements: Elements): Map<string, string> {
  const byColumn = new Map<string, string>();
  const kinds = new Map(elements.nodes.map((n) => [n.data.id, n.data.kind]));
  for (const e of elements.edges) {
    if (kinds.get(e.data.source) === "column" && kinds.get(e.data.target) === "category") byColumn.set(e.data.source, e.data.target);
  }
  for (const n of elements.nodes) {
    const cat = n.data.categoryId ?? n.data.category;
    if (n.data.kind === "column" && !byColumn.has(n.data.id) && typeof cat === "string") {
      byColumn.set(n.data.id, parseNodeId(cat)?.kind === "category" ? cat : ids.category(cat));
    }
  }
  return byColumn;
}

/** Each vendor's drawn countries (location ids). */
function vendorPlaces(elements: Elements): Map<string, Set<string>> {
  const kinds = new Map(elements.nodes.map((n) => [n.data.id, n.data.kind]));
  const places = new Map<string, Set<string>>();
  for (const e of elements.edges) {
    if (kinds.get(e.data.source) === "vendor" && kinds.get(e.data.target) === "location") {
      places.set(e.data.source, (places.get(e.data.source) ?? new Set()).add(e.data.target));
    }
  }
  return places;
}

function passes(n: ElementNode, f: Filters, categoryOf: Map<string, string>, places: Map<string, Set<string>>): boolean {
  const d = n.data;
  if (f.hiddenKinds.includes(d.kind)) return false;
  if (f.systems.length > 0 && d.system && !f.systems.includes(d.system)) return false;
  if (f.hideSystemColumns && d.kind === "column" && d.columnKind === "system") return false;
  if (f.vendors.length > 0 && d.kind === "vendor" && !f.vendors.includes(d.id)) return false;
  if (f.transfers.length > 0 && d.kind === "vendor" && !(d.transfer && f.transfers.includes(d.transfer))) return false;
  if (f.countries.length > 0 && d.kind === "location" && !f.countries.includes(d.id)) return false;
  if (f.countries.length > 0 && d.kind === "vendor") {
    // A vendor whose country is unknown never passes a country filter; "not stated" is a value of its own.
    const own = places.get(d.id);
    if (!own || own.size === 0) return f.countries.includes(NOT_STATED);
    if (![...own].some((c) => f.countries.includes(c))) return false;
  }
  if (f.categories.length > 0) {
    if (d.kind === "category" && !f.categories.includes(d.id)) return false;
    if (d.kind === "column" && d.columnKind === "personal") {
      const cat = categoryOf.get(d.id);
      if (!cat || !f.categories.includes(cat)) return false;
    }
  }
  return true;
}

/**
 * Hidden kinds are bridged: hiding columns draws table → category directly, so a flow stays a flow.
 * Returns the elements without the hidden nodes, with an edge from each predecessor to each successor.
 */
function bridgeHidden(elements: Elements, hidden: Set<string>): Elements {
  if (hidden.size === 0) return elements;
  const out = new Map<string, Set<string>>();
  const inn = new Map<string, Set<string>>();
  const types = new Map<string, string>();
  const add = (s: string, t: string, type: string) => {
    if (s === t) return;
    if (!out.has(s)) out.set(s, new Set());
    if (!inn.has(t)) inn.set(t, new Set());
    out.get(s)!.add(t);
    inn.get(t)!.add(s);
    if (!types.has(`${s}|${t}`)) types.set(`${s}|${t}`, type);
  };
  for (const e of elements.edges) add(e.data.source, e.data.target, e.data.type);
  for (const h of hidden) {
    const preds = [...(inn.get(h) ?? [])];
    const succs = [...(out.get(h) ?? [])];
    for (const p of preds) out.get(p)?.delete(h);
    for (const s of succs) inn.get(s)?.delete(h);
    out.delete(h);
    inn.delete(h);
    for (const p of preds) for (const s of succs) add(p, s, "VIA");
  }
  const original = new Map(elements.edges.map((e) => [`${e.data.source}|${e.data.target}`, e]));
  const edges: Elements["edges"] = [];
  for (const [s, ts] of out) {
    for (const t of ts) {
      const key = `${s}|${t}`;
      edges.push(original.get(key) ?? { data: { id: `${s}|VIA|${t}`, source: s, target: t, type: types.get(key) ?? "VIA" } });
    }
  }
  return { nodes: elements.nodes.filter((n) => !hidden.has(n.data.id)), edges };
}

/**
 * Applies the filters: hidden kinds are bridged over, excluded nodes dropped with their edges, then every
 * node that thereby lost all its edges, or all the edges leading on from it, goes too (a column whose only
 * vendor was filtered out says nothing any more). Repeats until nothing changes. `keep` is never dropped.
 */
export function applyFilters(elements: Elements, f: Filters, keep: readonly string[] = []): Elements {
  if (activeFilterCount(f) === 0) return elements;
  const keepSet = new Set(keep);
  const categoryOf = columnCategories(elements);
  const places = vendorPlaces(elements);
  const hiddenKinds = new Set(f.hiddenKinds);
  const bridged = bridgeHidden(elements, new Set(elements.nodes.filter((n) => hiddenKinds.has(n.data.kind) && !keepSet.has(n.data.id)).map((n) => n.data.id)));
  const hadOut = new Set(bridged.edges.map((e) => e.data.source));
  const hadAny = new Set(bridged.edges.flatMap((e) => [e.data.source, e.data.target]));
  let visible = new Set(bridged.nodes.filter((n) => keepSet.has(n.data.id) || passes(n, { ...f, hiddenKinds: [] }, categoryOf, places)).map((n) => n.data.id));
  let edges = bridged.edges;
  for (;;) {
    edges = edges.filter((e) => visible.has(e.data.source) && visible.has(e.data.target));
    const hasOut = new Set(edges.map((e) => e.data.source));
    const hasAny = new Set(edges.flatMap((e) => [e.data.source, e.data.target]));
    const next = new Set([...visible].filter((id) => keepSet.has(id) || ((!hadAny.has(id) || hasAny.has(id)) && (!hadOut.has(id) || hasOut.has(id)))));
    if (next.size === visible.size) break;
    visible = next;
  }
  return { nodes: bridged.nodes.filter((n) => visible.has(n.data.id)), edges };
}

export interface FilterOption {
  value: string;
  label: string;
  /** The server's transfer status of a vendor or country, shown as its badge. */
  transfer?: TransferStatus | undefined;
}

export interface FilterOptions {
  systems: FilterOption[];
  kinds: NodeKind[];
  categories: FilterOption[];
  vendors: FilterOption[];
  countries: FilterOption[];
  transfers: FilterOption[];
  hasSystemColumns: boolean;
}

export function transferOptions(statuses: Iterable<string>): FilterOption[] {
  const present = new Set(statuses);
  return TRANSFER_ORDER.filter((t) => present.has(t)).map((t) => ({ value: t, label: TRANSFER_WORDS[t], transfer: t }));
}

const byLabel = (a: FilterOption, b: FilterOption) => a.label.localeCompare(b.label);

/** What can be filtered on in this answer: only values that occur, so no filter can empty the view by surprise. */
export function filterOptions(elements: Elements, systemNames: ReadonlyMap<string, string> = new Map()): FilterOptions {
  const systems = new Map<string, FilterOption>();
  const categories = new Map<string, FilterOption>();
  const vendors: FilterOption[] = [];
  const countries: FilterOption[] = [];
  const kinds = new Set<NodeKind>();
  let hasSystemColumns = false;
  for (const { data: d } of elements.nodes) {
    kinds.add(d.kind);
    if (d.system) systems.set(d.system, { value: d.system, label: systemNames.get(d.system) ?? d.system });
    const systemKey = d.kind === "system" ? parseNodeId(d.id)?.key : undefined;
    if (systemKey) systems.set(systemKey, { value: systemKey, label: d.label });
    if (d.kind === "category") categories.set(d.id, { value: d.id, label: d.label });
    if (d.kind === "vendor") vendors.push({ value: d.id, label: d.label, transfer: d.transfer });
    if (d.kind === "location") countries.push({ value: d.id, label: d.label, transfer: d.transfer });
    if (d.kind === "column" && d.columnKind === "system") hasSystemColumns = true;
  }
  const places = vendorPlaces(elements);
  if (elements.nodes.some((n) => n.data.kind === "vendor" && !places.has(n.data.id)) && countries.length > 0) {
    countries.push({ value: NOT_STATED, label: "Country not stated", transfer: "not-stated" });
  }
  const categoryOf = columnCategories(elements);
  for (const n of elements.nodes) {
    const label = n.data.categoryLabel ?? n.data.categoryName;
    const id = categoryOf.get(n.data.id);
    if (id && !categories.has(id)) categories.set(id, { value: id, label: typeof label === "string" ? label : id.replace(/^category:/, "") });
  }
  return {
    systems: [...systems.values()].sort(byLabel),
    kinds: [...kinds],
    categories: [...categories.values()].sort(byLabel),
    vendors: vendors.sort(byLabel),
    countries: countries.sort(byLabel),
    transfers: transferOptions(elements.nodes.flatMap((n) => (n.data.kind === "vendor" && n.data.transfer ? [n.data.transfer] : []))),
    hasSystemColumns,
  };
}
