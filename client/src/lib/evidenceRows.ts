/**
 * A trace's evidence as rows: one per (vendor, field), with the path that reaches the vendor and the copies on it, so
 * the CSV a DPO files says why each field is listed. A flow whose fields the inventory does not state is a row of its
 * own ("fields received: not stated"), never left out. Pure: the server's answer in, rows out; nothing is re-derived.
 */
import type { Provenance, TraceResponse } from "@contract/api";
import { parseNodeId } from "@contract/ids";
import { citations, FIELDS_NOT_STATED, safeguardWords, TRANSFER_WORDS } from "@contract/words";

import type { RowSet } from "./rows";

type Cell = string | number | boolean | null | undefined | string[];

export interface EvidenceRow extends Record<string, Cell> {
  id: string;
  /** A flow to a vendor, or a copy into a column of our own systems (not a vendor flow). */
  flow: string;
  vendor: string;
  field: string;
  category: string;
  path: string;
  copiedBy: string;
  systems: string;
  transfer: string;
  safeguard: string;
  /** Each step of the path with where it is stated or how it is inferred: `Email → PayPal: kentico.yaml:2793 · from …`. */
  steps: string[];
  /** The steps as one cell (CSV): `; `-separated citations, steps `|`-separated. */
  provenance: string;
}

/** A node id in an evidence path as a reader knows it: `CMS_User.Email`, `CMS_User`, the vendor's name. */
export function pathLabel(id: string, names: ReadonlyMap<string, string>): string {
  const named = names.get(id);
  if (named) return named;
  const parsed = parseNodeId(id);
  if (!parsed) return id;
  const slash = parsed.key.indexOf("/");
  return slash >= 0 ? parsed.key.slice(slash + 1) : parsed.key;
}

/** The Flow cell of a vendor flow, and of a copy into our own systems. */
export const VENDOR_FLOW = "To a vendor";
export const COPIED_INTO = "Copied into our systems (not a vendor flow)";

/** Each step of an evidence path with its citations: `Email → PayPal: kentico.yaml:2793 · from …`. */
function stepsOf(e: { nodes: readonly string[]; provenance: readonly (readonly Provenance[])[] }, names: ReadonlyMap<string, string>): string[] {
  return e.provenance.map((p, i) => `${pathLabel(e.nodes[i]!, names)} → ${pathLabel(e.nodes[i + 1]!, names)}: ${citations(p) || "no provenance"}`);
}

export function traceEvidenceRows(t: TraceResponse): RowSet<EvidenceRow> {
  const names = new Map<string, string>([[t.from.id, t.from.label], ...t.vendors.map((v) => [v.id, v.name] as const)]);
  const rows: EvidenceRow[] = [];
  for (const v of t.vendors) {
    const common = {
      flow: VENDOR_FLOW,
      vendor: v.name,
      systems: v.systems.join(", "),
      transfer: TRANSFER_WORDS[v.transfer],
      safeguard: [...new Set(v.flows.map((f) => safeguardWords(f.mechanism)))].join("; "),
    };
    for (const f of v.fields) {
      const label = (n: string) => pathLabel(n, names);
      const steps = stepsOf(f.evidence, names);
      rows.push({
        id: `${v.id}|${f.id}`,
        ...common,
        field: `${f.table}.${f.column}`,
        category: f.category ?? "",
        path: f.evidence.nodes.map(label).join(" → "),
        copiedBy: f.evidence.via.join(" → "),
        steps,
        provenance: steps.join(" | "),
      });
    }
    for (const flow of v.flows.filter((x) => x.fields === "not-stated")) {
      const path = `${t.from.label} → ${v.name}${flow.service ? ` (${flow.service})` : ""}`;
      const steps = [`${path}: ${citations(flow.provenance)}`];
      rows.push({
        id: `${v.id}|${flow.id}`,
        ...common,
        field: FIELDS_NOT_STATED,
        category: "",
        path,
        copiedBy: "",
        steps,
        provenance: steps.join(" | "),
      });
    }
  }
  // Where the data lands in our own systems, vendor or not: listed after the vendors, never as a vendor flow.
  for (const d of t.downstream ?? []) {
    const steps = stepsOf(d.evidence, names);
    rows.push({
      id: `downstream|${d.column}`,
      flow: COPIED_INTO,
      vendor: "",
      field: `${d.table}.${d.name}`,
      category: d.category ?? "",
      path: d.evidence.nodes.map((n) => pathLabel(n, names)).join(" → "),
      copiedBy: d.evidence.via.join(" → "),
      systems: d.system,
      transfer: "",
      safeguard: "",
      steps,
      provenance: steps.join(" | "),
    });
  }
  return {
    columns: [
      { key: "flow", header: "Flow" },
      { key: "vendor", header: "Vendor" },
      { key: "field", header: "Field" },
      { key: "category", header: "Data category" },
      { key: "path", header: "Evidence path" },
      { key: "copiedBy", header: "Copied by" },
      { key: "provenance", header: "Provenance (per step)" },
      { key: "systems", header: "Systems" },
      { key: "transfer", header: "Transfer" },
      { key: "safeguard", header: "Safeguard" },
    ],
    rows,
  };
}
