/**
 * Pure: the raw reach of a trace → the answer. Keeps only the tables on a way to a vendor, groups the flows
 * by vendor (fields, categories, countries, services, purposes, retention) and draws the flow graph.
 */
import type { TraceRow } from "./trace.repository.js";
import type { TraceResponse, TraceVendor } from "../contract/api.js";
import { ElementsBuilder, idOf, kindOf } from "../elements/elements.js";

/** Tables that lead to a column sent to a vendor, directly or through copies. */
export function tablesOnFlow(row: Pick<TraceRow, "copies" | "columnEdges">): Set<string> {
  const keep = new Set(row.columnEdges.filter((e) => e.type === "HAS_COLUMN").map((e) => e.source));
  // Walk the copies backwards until nothing changes: a table copied into a kept table is on the flow too.
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of row.copies) {
      if (keep.has(c.target) && !keep.has(c.source)) {
        keep.add(c.source);
        grew = true;
      }
    }
  }
  return keep;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

export function vendorsOf(row: TraceRow): TraceVendor[] {
  const vendors = new Map<string, { vendor: TraceVendor; countries: Map<string, TraceVendor["countries"][number]>; categories: Map<string, string>; fields: Map<string, TraceVendor["fields"][number]>; systems: string[]; services: string[]; purposes: string[]; retention: string[] }>();
  for (const s of row.sends) {
    const id = idOf(s.vendor);
    let v = vendors.get(id);
    if (!v) {
      v = {
        vendor: { id, name: s.vendor.name, countries: [], outsideEEA: false, categories: [], fields: [], systems: [], services: [], purposes: [], retention: [] },
        countries: new Map(),
        categories: new Map(),
        fields: new Map(),
        systems: [],
        services: [],
        purposes: [],
        retention: [],
      };
      vendors.set(id, v);
    }
    const columnId = idOf(s.column);
    v.fields.set(columnId, { id: columnId, table: s.column.table ?? "", column: s.column.name, category: s.category?.name ?? null, categoryId: s.category ? idOf(s.category) : null });
    if (s.category) v.categories.set(idOf(s.category), s.category.name);
    for (const p of s.places) {
      const role = p.type === "LOCATED_IN" ? "entity" : "data";
      v.countries.set(`${role}:${p.location.code}`, { code: p.location.code, name: p.location.name, eea: p.location.eea, role });
    }
    v.systems.push(s.system);
    if (s.service) v.services.push(s.service);
    v.purposes.push(s.purpose);
    v.retention.push(...s.retention);
  }
  return [...vendors.values()]
    .map(({ vendor, countries, categories, fields, systems, services, purposes, retention }) => {
      const list = [...countries.values()].sort((a, b) => (a.role === b.role ? a.code.localeCompare(b.code) : a.role === "entity" ? -1 : 1));
      return {
        ...vendor,
        countries: list,
        outsideEEA: list.some((c) => !c.eea),
        categories: [...categories].map(([cid, name]) => ({ id: cid, name })).sort(byName),
        fields: [...fields.values()].sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column)),
        systems: sorted(systems),
        services: sorted(services),
        purposes: sorted(purposes),
        retention: sorted(retention),
      };
    })
    .sort(byName);
}

export function assembleTrace(row: TraceRow): TraceResponse {
  const vendors = vendorsOf(row);
  const keep = tablesOnFlow(row);
  const elements = new ElementsBuilder();

  // Nodes in flow order, so that when the cap bites it is the far end that is cut, never the start.
  const start = elements.node(row.start, { focus: true })!;
  for (const t of row.tables) if (keep.has(idOf(t))) elements.node(t);
  for (const s of row.sends) elements.node(s.column);
  const vendorEEA = new Map(vendors.filter((v) => v.countries.length > 0).map((v) => [v.id, !v.outsideEEA]));
  for (const s of row.sends) {
    const id = idOf(s.vendor);
    elements.node(s.vendor, vendorEEA.has(id) ? { eea: vendorEEA.get(id) } : {});
  }
  for (const s of row.sends) for (const p of s.places) elements.node(p.location);

  for (const e of row.startEdges) elements.rel(e);
  for (const c of row.copies) elements.rel(c);
  for (const e of row.columnEdges) elements.rel(e);
  for (const s of row.sends) {
    const column = idOf(s.column);
    const vendor = idOf(s.vendor);
    elements.edge(column, "SENT_TO", vendor, { label: s.service ?? s.purpose });
    for (const p of s.places) elements.edge(vendor, p.type, idOf(p.location), { label: s.system });
  }
  return {
    from: { id: start, kind: kindOf(row.start), label: row.start.name },
    vendors,
    elements: elements.build(),
    truncated: elements.truncated,
  };
}
