/** Pure: the rows of `where/columns` → the checklist an access or erasure request works through. */
import type { WhereRow } from "./where.repository.js";
import type { WhereResponse } from "../contract/api.js";
import { safeguardWords } from "../contract/words.js";
import { idOf } from "../elements/elements.js";

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

export function assembleWhere(asked: WhereResponse["asked"], rows: WhereRow[]): WhereResponse {
  const tables = new Map<string, WhereResponse["tables"][number]>();
  const referencing = new Map<string, WhereResponse["referencing"][number]>();
  const sources = new Map<string, WhereResponse["sources"][number]>();
  const vendors = new Map<string, WhereResponse["vendors"][number]>();
  const columns: WhereResponse["columns"] = [];

  for (const r of rows) {
    const columnId = idOf(r.column);
    const tableId = idOf(r.table);
    columns.push({ id: columnId, system: r.column.system, tableId, table: r.table.name, tableTitle: r.table.title, column: r.column.name, category: r.category?.name ?? null });
    const t = tables.get(tableId) ?? { id: tableId, system: r.table.system, name: r.table.name, title: r.table.title, columns: [] };
    t.columns.push(r.column.name);
    tables.set(tableId, t);
    for (const ref of r.referencedBy) {
      const key = `${idOf(ref.table)}>${tableId}`;
      if (!referencing.has(key)) {
        referencing.set(key, { id: idOf(ref.table), system: ref.table.system, name: ref.table.name, title: ref.table.title, references: tableId, referencesName: r.table.name, columns: sorted(ref.columns) });
      }
    }
    for (const w of r.writers) {
      if (!w.source) continue;
      const id = idOf(w.source);
      const s = sources.get(id) ?? { id, system: w.source.system, name: w.source.name, how: [], columns: [] };
      if (!s.how.includes(w.how)) s.how.push(w.how);
      if (!s.columns.includes(columnId)) s.columns.push(columnId);
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
      };
      if (!v.columns.includes(columnId)) v.columns.push(columnId);
      vendors.set(s.flow.flow, v);
    }
  }
  const bySystemName = (a: { system: string; name: string }, b: { system: string; name: string }) => a.system.localeCompare(b.system) || a.name.localeCompare(b.name);
  return {
    asked,
    columns,
    tables: [...tables.values()].sort(bySystemName),
    referencing: [...referencing.values()].sort((a, b) => bySystemName(a, b) || a.referencesName.localeCompare(b.referencesName)),
    sources: [...sources.values()].sort(bySystemName),
    vendors: [...vendors.values()].sort((a, b) => a.name.localeCompare(b.name) || a.system.localeCompare(b.system) || a.flow.localeCompare(b.flow)),
  };
}
