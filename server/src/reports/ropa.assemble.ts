/**
 * Pure: a system's purposes and vendor flows → Article 30(1) records, one per purpose.
 *
 * How purposes map: each purpose the inventory declares (`purposes:`) is a record. A vendor flow belongs to a declared
 * purpose when the purpose names its vendor (`purposes[].vendors`) or when the flow's own `purpose` text is the
 * purpose's name; a flow that belongs to none becomes a record of its own purpose text (grouped by that text), so every
 * engagement appears in some record. Categories of data and of subjects come from the columns that serve the purpose
 * (`FOR_PURPOSE`) and the columns its flows receive; retention and safeguards are the flows' own, and every gap reads
 * "not documented".
 */
import type { RopaSystemRow } from "./ropa.repository.js";
import type { RopaRow } from "../contract/api.js";
import { safeguardWords } from "../contract/words.js";

type SystemFlow = RopaSystemRow["flows"][number];

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function countriesOf(f: SystemFlow): string[] {
  return [...new Map(f.places.map((p) => [p.code, `${p.name} (${p.code})`])).values()].sort((a, b) => a.localeCompare(b));
}

function record(sys: RopaSystemRow, purpose: string, purposeFrom: RopaRow["purposeFrom"], columnIds: string[], flows: SystemFlow[]): RopaRow {
  const byId = new Map(sys.columns.map((c) => [c.id, c]));
  const columns = [...new Set([...columnIds, ...flows.flatMap((f) => f.columns)])].flatMap((id) => byId.get(id) ?? []);
  return {
    system: sys.system.system,
    controller: sys.system.name,
    purpose,
    purposeFrom,
    subjects: sorted(columns.flatMap((c) => c.subjects)),
    categories: sorted(columns.flatMap((c) => (c.category ? [c.category] : []))),
    recipients: flows.map((f) => ({ vendor: f.vendor.name, legalName: f.flow.legalName, role: f.flow.role, service: f.flow.service, flow: f.flow.flow, fields: f.columns.length > 0 ? "stated" : "not-stated" })),
    transfers: flows
      .filter((f) => f.flow.transfer !== "eea")
      .map((f) => ({ vendor: f.vendor.name, flow: f.flow.flow, countries: countriesOf(f), transfer: f.flow.transfer, safeguard: safeguardWords(f.flow.mechanism) })),
    retention: flows.map((f) => `${f.vendor.name}: ${f.flow.retention ?? "not documented"}`),
    sourceDocument: sys.system.documentTitle,
  };
}

export function assembleRopa(systems: RopaSystemRow[]): RopaRow[] {
  const rows: RopaRow[] = [];
  for (const sys of systems) {
    const placed = new Set<string>();
    const purposes = [...sys.purposes].sort((a, b) => a.name.localeCompare(b.name));
    for (const p of purposes) {
      const flows = sys.flows.filter((f) => p.vendors.includes(f.vendor.id) || same(f.flow.purpose, p.name));
      flows.forEach((f) => placed.add(f.flow.flow));
      rows.push(record(sys, p.name, "purpose", p.columns, flows));
    }
    const rest = new Map<string, SystemFlow[]>();
    for (const f of sys.flows) if (!placed.has(f.flow.flow)) rest.set(f.flow.purpose, [...(rest.get(f.flow.purpose) ?? []), f]);
    for (const [purpose, flows] of [...rest].sort(([a], [b]) => a.localeCompare(b))) rows.push(record(sys, purpose, "vendor-flow", [], flows));
  }
  for (const r of rows) r.recipients.sort((a, b) => a.vendor.localeCompare(b.vendor) || a.flow.localeCompare(b.flow, undefined, { numeric: true }));
  for (const r of rows) r.transfers.sort((a, b) => a.vendor.localeCompare(b.vendor) || a.flow.localeCompare(b.flow, undefined, { numeric: true }));
  return rows;
}
