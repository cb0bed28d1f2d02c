/** Pure: the rows of `where/columns` → the checklist an access or erasure request works through. */
import type { WhereRow } from "./where.repository.js";
import type { WhereResponse } from "../contract/api.js";
import { safeguardWords } from "../contract/words.js";
import { idOf } from "../elements/elements.js";
import { mergeProvenance, provenanceOf } from "../elements/provenance.js";

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

type Erasure = NonNullable<WhereResponse["tables"][number]["erasure"]>;
type How = WhereResponse["sources"][number]["how"][number];
type Provenance = WhereResponse["columns"][number]["provenance"];
type Stored = { prov: Record<string, unknown> | null };
type Source = { id: string; system: string; name: string; how: How[]; columns: string[]; provenance: Provenance };

/** The action a table or column node states, with the entry stating it, or null: not stated (never a default). */
function erasureOf(n: Stored & { erasureAction: Erasure["action"] | null; erasureReason: string | null; erasureRetention: string | null }): Erasure | null {
  return n.erasureAction ? { action: n.erasureAction, reason: n.erasureReason, retention: n.erasureRetention, provenance: provenanceOf(n.prov) } : null;
}

const sameErasure = (a: Erasure | null, b: Erasure | null) => a?.action === b?.action && a?.reason === b?.reason && a?.retention === b?.retention;

export function assembleWhere(asked: WhereResponse["asked"], rows: WhereRow[]): WhereResponse {
  const tables = new Map<string, WhereResponse["tables"][number]>();
  const referencing = new Map<string, WhereResponse["referencing"][number]>();
  const sources = new Map<string, Source>();
  const vendors = new Map<string, WhereResponse["vendors"][number]>();
  const columns: WhereResponse["columns"] = [];

  for (const r of rows) {
    const columnId = idOf(r.column);
    const tableId = idOf(r.table);
    const tableErasure = erasureOf(r.table);
    const own = erasureOf(r.column);
    columns.push({
      id: columnId,
      system: r.column.system,
      tableId,
      table: r.table.name,
      tableTitle: r.table.title,
      column: r.column.name,
      category: r.category?.name ?? null,
      erasure: own ?? tableErasure,
      erasureFrom: own ? "column" : tableErasure ? "table" : null,
      provenance: provenanceOf(r.column.prov),
    });
    const t = tables.get(tableId) ?? {
      id: tableId,
      system: r.table.system,
      name: r.table.name,
      title: r.table.title,
      columns: [],
      identity: r.table.identity?.length ? { columns: r.table.identity, basis: "stated" as const, provenance: provenanceOf(r.table.prov) } : null,
      erasure: tableErasure,
      columnErasure: [],
      provenance: provenanceOf(r.table.prov),
    };
    t.columns.push(r.column.name);
    // A column's own action is listed only where it says something its table's does not.
    if (own && !sameErasure(own, tableErasure)) t.columnErasure.push({ column: r.column.name, ...own });
    tables.set(tableId, t);
    for (const ref of r.referencedBy) {
      const key = `${idOf(ref.table)}>${tableId}`;
      if (!referencing.has(key)) {
        referencing.set(key, {
          id: idOf(ref.table),
          system: ref.table.system,
          name: ref.table.name,
          title: ref.table.title,
          references: tableId,
          referencesName: r.table.name,
          columns: sorted(ref.columns),
          erasure: erasureOf(ref.table),
          provenance: provenanceOf(ref.prov),
        });
      }
    }
    for (const w of r.writers) {
      if (!w.source) continue;
      const id = idOf(w.source);
      const s = sources.get(id) ?? { id, system: w.source.system, name: w.source.name, how: [], columns: [], provenance: provenanceOf(w.source.prov) };
      if (!s.how.includes(w.how)) s.how.push(w.how);
      if (!s.columns.includes(columnId)) s.columns.push(columnId);
      s.provenance = mergeProvenance(s.provenance, provenanceOf(w.prov));
      sources.set(id, s);
    }
    for (const s of r.sends) {
      // A SENT_TO always carries its flow; a missing engagement would be a loader bug, not something to hide.
      if (!s.flow) throw new Error(`The flow of ${columnId} → ${idOf(s.vendor)} has no engagement`);
      const v = vendors.get(s.flow.flow) ?? {
        id: idOf(s.vendor),
        name: s.vendor.name,
        flow: s.flow.flow,
        system: s.flow.system,
        service: s.flow.service,
        purpose: s.flow.purpose,
        legalName: s.flow.legalName,
        transfer: s.flow.transfer,
        mechanism: s.flow.mechanism,
        safeguard: safeguardWords(s.flow.mechanism),
        countries: [...new Map(s.places.map((p) => [`${p.type}:${p.location.code}`, { ...p.location, role: p.type === "LOCATED_IN" ? ("entity" as const) : ("data" as const) }])).values()],
        columns: [],
        retention: s.flow.retention,
        privacyContact: s.flow.privacyContact,
        provenance: provenanceOf(s.flow.prov),
      };
      if (!v.columns.includes(columnId)) v.columns.push(columnId);
      v.provenance = mergeProvenance(v.provenance, provenanceOf(s.prov));
      vendors.set(s.flow.flow, v);
    }
  }
  const bySystemName = (a: { system: string; name: string }, b: { system: string; name: string }) => a.system.localeCompare(b.system) || a.name.localeCompare(b.name);
  return {
    asked,
    columnCount: columns.length,
    columns,
    tables: [...tables.values()].sort(bySystemName),
    referencing: [...referencing.values()].sort((a, b) => bySystemName(a, b) || a.referencesName.localeCompare(b.referencesName)),
    sources: groupSources([...sources.values()]),
    vendors: [...vendors.values()].sort((a, b) => a.name.localeCompare(b.name) || a.system.localeCompare(b.system) || a.flow.localeCompare(b.flow)),
  };
}

/**
 * Sources of one system that share a name ("Users" feeding, filling and copying into three tables) are one item of
 * the checklist with their count; each source is still listed in the group, nothing merged away.
 */
function groupSources(sources: Source[]): WhereResponse["sources"] {
  const groups = new Map<string, WhereResponse["sources"][number]>();
  for (const s of [...sources].sort((a, b) => a.id.localeCompare(b.id))) {
    const key = `${s.system}/${s.name}`;
    const g = groups.get(key) ?? { key, system: s.system, name: s.name, count: 0, how: [], columns: [], provenance: [], sources: [] };
    g.count += 1;
    g.sources.push({ id: s.id, how: s.how, columns: s.columns, provenance: s.provenance });
    g.provenance = mergeProvenance(g.provenance, s.provenance);
    for (const h of s.how) if (!g.how.includes(h)) g.how.push(h);
    for (const c of s.columns) if (!g.columns.includes(c)) g.columns.push(c);
    groups.set(key, g);
  }
  const order: How[] = ["fills", "feeds", "copies"];
  for (const g of groups.values()) g.how.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return [...groups.values()].sort((a, b) => a.system.localeCompare(b.system) || a.name.localeCompare(b.name));
}
