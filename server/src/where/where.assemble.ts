/**
 * Pure: the rows of `where/*` → the checklist an access or erasure request works through. Each list is shaped from
 * its own query's rows, so a page of columns, tables or referencing tables is shaped from that page alone.
 */
import type { ColumnRow, FlowRow, ReferencingRow, SendRow, TableRow, WriterRow } from "./where.repository.js";
import type { WhereResponse } from "../contract/api.js";
import { safeguardWords } from "../contract/words.js";
import { idOf } from "../elements/elements.js";
import { mergeProvenance, provenanceOf } from "../elements/provenance.js";

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

type Erasure = NonNullable<WhereResponse["tables"][number]["erasure"]>;
type How = WhereResponse["sources"][number]["how"][number];
type Provenance = WhereResponse["columns"][number]["provenance"];
type Stored = { prov: Record<string, unknown> | null };
type Source = { id: string; system: string; name: string; how: How[]; columns: Set<string>; provenance: Provenance };
type ErasureFacts = { erasureAction: Erasure["action"] | null; erasureReason: string | null; erasureRetention: string | null };

/** The action a table or column node states, with the entry stating it, or null: not stated (never a default). */
function erasureOf(n: Stored & ErasureFacts): Erasure | null {
  return n.erasureAction ? { action: n.erasureAction, reason: n.erasureReason, retention: n.erasureRetention, provenance: provenanceOf(n.prov) } : null;
}

const sameErasure = (a: Erasure | null, b: Erasure | null) => a?.action === b?.action && a?.reason === b?.reason && a?.retention === b?.retention;

/** The columns, in the query's order; `erasure` is the column's own stated action, else its table's, else null. */
export function whereColumns(rows: readonly ColumnRow[]): WhereResponse["columns"] {
  return rows.map((r) => {
    const own = erasureOf(r.column);
    const tableErasure = erasureOf(r.table);
    return {
      id: idOf(r.column),
      system: r.column.system,
      tableId: idOf(r.table),
      table: r.table.name,
      tableTitle: r.table.title,
      column: r.column.name,
      category: r.category?.name ?? null,
      erasure: own ?? tableErasure,
      erasureFrom: own ? "column" : tableErasure ? "table" : null,
      provenance: provenanceOf(r.column.prov),
    };
  });
}

/** The tables, in the query's order, each with its stated identity key and action; a column's own action only where it says something its table's does not. */
export function whereTables(rows: readonly TableRow[]): WhereResponse["tables"] {
  return rows.map(({ table: t, columns }) => {
    const erasure = erasureOf(t);
    return {
      id: idOf(t),
      system: t.system,
      name: t.name,
      title: t.title,
      columns: columns.map((c) => c.name),
      identity: t.identity?.length ? { columns: t.identity, basis: "stated" as const, provenance: provenanceOf(t.prov) } : null,
      erasure,
      columnErasure: columns.flatMap((c) => {
        const own = erasureOf(c);
        return own && !sameErasure(own, erasure) ? [{ column: c.name, ...own }] : [];
      }),
      provenance: provenanceOf(t.prov),
    };
  });
}

/** The tables referencing those tables, in the query's order, with the referencing columns and the referencing table's own action. */
export function whereReferencing(rows: readonly ReferencingRow[]): WhereResponse["referencing"] {
  return rows.map((r) => ({
    id: idOf(r.table),
    system: r.table.system,
    name: r.table.name,
    title: r.table.title,
    references: r.references,
    referencesName: r.referencesName,
    columns: sorted(r.columns),
    erasure: erasureOf(r.table),
    provenance: provenanceOf(r.prov),
  }));
}

/**
 * The sources that write the data. Sources of one system that share a name ("Users" feeding, filling and copying into
 * three tables) are one item of the checklist with their count; each source is still listed in the group, nothing
 * merged away.
 */
export function whereSources(writers: readonly WriterRow[]): WhereResponse["sources"] {
  const sources = new Map<string, Source>();
  for (const w of writers) {
    if (!w.source) continue;
    const id = idOf(w.source);
    const s = sources.get(id) ?? { id, system: w.source.system, name: w.source.name, how: [], columns: new Set<string>(), provenance: provenanceOf(w.source.prov) };
    if (!s.how.includes(w.how)) s.how.push(w.how);
    s.columns.add(w.column);
    s.provenance = mergeProvenance(s.provenance, provenanceOf(w.prov));
    sources.set(id, s);
  }
  const groups = new Map<string, WhereResponse["sources"][number] & { written: Set<string> }>();
  for (const s of [...sources.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = `${s.system}/${s.name}`;
    const g = groups.get(key) ?? { key, system: s.system, name: s.name, count: 0, how: [], columns: [], written: new Set<string>(), provenance: [], sources: [] };
    g.count += 1;
    g.sources.push({ id: s.id, how: s.how, columns: [...s.columns], provenance: s.provenance });
    g.provenance = mergeProvenance(g.provenance, s.provenance);
    for (const h of s.how) if (!g.how.includes(h)) g.how.push(h);
    for (const c of s.columns) g.written.add(c);
    groups.set(key, g);
  }
  const order: How[] = ["fills", "feeds", "copies"];
  return [...groups.values()]
    .map(({ written, ...g }) => ({ ...g, how: g.how.sort((a, b) => order.indexOf(a) - order.indexOf(b)), columns: [...written] }))
    .sort((a, b) => a.system.localeCompare(b.system) || a.name.localeCompare(b.name));
}

/** The vendor flows that receive the data, each with its engagement's facts (transfer status as computed at load). */
export function whereVendors(sends: readonly SendRow[], flows: readonly FlowRow[]): WhereResponse["vendors"] {
  const engagement = new Map(flows.map((f) => [`${f.vendor}|${f.flow.flow}`, f]));
  const vendors = new Map<string, WhereResponse["vendors"][number]>();
  const seen = new Map<string, Set<string>>();
  for (const s of sends) {
    const vendorId = idOf(s.vendor);
    const e = engagement.get(`${vendorId}|${s.flow}`);
    // A SENT_TO always carries its flow; a missing engagement would be a loader bug, not something to hide.
    if (!e) throw new Error(`The flow of ${s.column} → ${vendorId} has no engagement`);
    const v = vendors.get(e.flow.flow) ?? {
      id: vendorId,
      name: s.vendor.name,
      flow: e.flow.flow,
      system: e.flow.system,
      service: e.flow.service,
      purpose: e.flow.purpose,
      legalName: e.flow.legalName,
      transfer: e.flow.transfer,
      mechanism: e.flow.mechanism,
      safeguard: safeguardWords(e.flow.mechanism),
      countries: [...new Map(e.places.map((p) => [`${p.type}:${p.location.code}`, { ...p.location, role: p.type === "LOCATED_IN" ? ("entity" as const) : ("data" as const) }])).values()],
      columns: [],
      retention: e.flow.retention,
      privacyContact: e.flow.privacyContact,
      provenance: provenanceOf(e.flow.prov),
    };
    const received = seen.get(e.flow.flow) ?? new Set<string>();
    if (!received.has(s.column)) v.columns.push(s.column);
    received.add(s.column);
    seen.set(e.flow.flow, received);
    v.provenance = mergeProvenance(v.provenance, provenanceOf(s.prov));
    vendors.set(e.flow.flow, v);
  }
  return [...vendors.values()].sort((a, b) => a.name.localeCompare(b.name) || a.system.localeCompare(b.system) || a.flow.localeCompare(b.flow));
}
