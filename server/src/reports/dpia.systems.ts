/**
 * Pure: the flows into our other systems a DPIA pack lists (issue 18), as the trace gives them. A flow is listed when
 * the answer follows it: its copies into another system's loaded tables that the answer reaches (the trace's data set
 * and category filter applied; under a vendor or country filter, only those it draws or cites as evidence, as the
 * trace keeps no other destination then; under a transfer filter, those of its statuses), and the trace's `toSystems` (categories sent without naming tables, copies waiting for a system or table not
 * loaded). Its transfer status is the stored flow's (`SENDS_TO.transfer`, null while the target is not loaded), never
 * re-derived here; its provenance is where the owner's file states it.
 */
import type { TiaFlow } from "./dpia.facts.js";
import type { Mechanism, Provenance, TraceResponse, TransferStatus } from "../contract/api.js";
import { ids } from "../contract/ids.js";
import { provenanceOf } from "../elements/provenance.js";
import { scopeToSystems } from "../trace/trace.assemble.js";
import type { TraceRow } from "../trace/trace.repository.js";

export interface PackSystemFlow {
  flow: string;
  name: string;
  /** The system whose file states the flow. */
  system: string;
  target: string;
  targetName: string;
  loaded: boolean;
  /** The stored flow's status; null while the target is not loaded. */
  transfer: TransferStatus | null;
  /** The safeguard the owner states; null: not documented. */
  mechanism: Mechanism | null;
  /** The target's tables the answer's data is copied into. */
  tables: string[];
  /** Categories the owner sends without naming tables (the trace's `toSystems`). */
  categories: string[];
  /** Tables of the owner whose copies wait for a system or table not loaded. */
  waiting: string[];
  /** The target system lies outside the trace's selection of systems. */
  outside: boolean;
  provenance: Provenance[];
  /** The target's legal entity's country and hosting countries as its inventory states them; null while it is not loaded. */
  places: TiaFlow["places"] | null;
}

/** The flows with their targets' places (from the same facts their TIAs read). */
export function withPlaces(flows: readonly PackSystemFlow[], facts: readonly TiaFlow[]): PackSystemFlow[] {
  const by = new Map(facts.map((f) => [f.flow.flow, f]));
  return flows.map((f) => ({ ...f, places: f.loaded ? (by.get(f.flow)?.places ?? []) : null }));
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));

export function packSystemFlows(row: TraceRow, trace: TraceResponse): PackSystemFlow[] {
  const scoped = scopeToSystems(row, trace.filters.systems);
  const shown = new Set<string>(trace.elements.nodes.map((n) => n.data.id));
  for (const v of trace.vendors) for (const f of v.fields) for (const n of f.evidence.nodes) shown.add(n);
  const columns = new Map(scoped.columns.map((c) => [ids.column(c.system, c.table, c.name), c]));
  const outside = new Set(trace.outsideSelection ?? []);
  const out: PackSystemFlow[] = [];
  const { categories, vendors, countries, transfers } = trace.filters;
  const drawnOnly = vendors.length > 0 || countries.length > 0;
  for (const f of row.systemFlows ?? []) {
    if (transfers.length > 0 && !transfers.includes(f.transfer ?? "not-stated")) continue;
    const tables = new Set<string>();
    for (const c of scoped.copies) {
      if (c.via !== f.via) continue;
      const source = columns.get(c.source);
      const target = columns.get(c.target);
      if (!source || !target || target.system !== f.target) continue;
      if (categories.length > 0 && !(source.category !== null && categories.includes(ids.category(source.category)))) continue;
      if (drawnOnly && !shown.has(c.target) && !shown.has(ids.table(target.system, target.table))) continue;
      tables.add(target.table);
    }
    const listed = trace.toSystems?.find((t) => t.flow === f.flow);
    if (tables.size === 0 && !listed) continue;
    const waiting = listed ? listed.columns.map((id) => columns.get(id)).filter((c) => c !== undefined && !(c.category !== null && f.categories.includes(c.category))).map((c) => c!.table) : [];
    out.push({
      flow: f.flow,
      name: f.name,
      system: f.system,
      target: f.target,
      targetName: f.targetName ?? f.target,
      loaded: f.targetName !== null,
      transfer: f.transfer,
      mechanism: f.mechanism,
      tables: sorted(tables),
      categories: listed ? sorted(listed.categories.filter((c) => f.categories.includes(c))) : [],
      waiting: sorted(waiting),
      outside: outside.has(f.target) || (trace.filters.systems.length > 0 && !trace.filters.systems.includes(f.target)),
      provenance: provenanceOf(f),
      places: null,
    });
  }
  return out.sort((a, b) => a.system.localeCompare(b.system) || a.targetName.localeCompare(b.targetName) || a.flow.localeCompare(b.flow));
}
