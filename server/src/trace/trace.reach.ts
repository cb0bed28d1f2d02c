/**
 * Pure: where a trace's data lands inside our own estate, vendor or not. Every column beyond the start columns that a
 * copy carries the start's data into (a stated copy, an observed DIRECT column lineage, or a category-scoped copy
 * landing in the columns of its category, marked inferred), each with the path that reaches it, as a vendor's fields
 * carry theirs. The trace draws these paths too (`trace.assemble.ts`).
 */
import type { Reach } from "./trace.assemble.js";
import type { TraceRow } from "./trace.repository.js";
import type { Evidence, Provenance, TraceDownstream, TraceFilters } from "../contract/api.js";
import { ids } from "../contract/ids.js";
import { idOf } from "../elements/elements.js";

const inferred = (list: readonly Provenance[]) => list.some((p) => p.kind === "inferred");

/**
 * The path that reaches a node: the shortest chain of steps from the start, as the nodes the answer names, each step's
 * edge, copy and provenance. No node repeats: where a chain passes a node twice (a start table, then the same table
 * carrying one of its categories on), the loop between the two visits is cut.
 */
export function pathTo(reach: Reach, node: string): Evidence & { inferred: boolean } {
  const chain: Reach["steps"] = [];
  for (let step = reach.parent.get(node); step; step = reach.parent.get(step.from)) chain.unshift(step);
  const nodes = [reach.real(chain[0]?.from ?? node)];
  const edges: string[] = [];
  const vias: (string | null)[] = [];
  const provenance: Provenance[][] = [];
  for (const step of chain) {
    const real = reach.real(step.to);
    const seen = nodes.indexOf(real);
    if (seen >= 0) {
      nodes.length = seen + 1;
      edges.length = seen;
      vias.length = seen;
      provenance.length = seen;
      continue;
    }
    nodes.push(real);
    edges.push(step.stored);
    vias.push(step.via);
    provenance.push(step.provenance);
  }
  return { nodes, edges, via: vias.filter((v): v is string => v !== null), provenance, inferred: provenance.some(inferred) };
}

/**
 * The columns the answer lists as "copied into": every column the trace reaches beyond its start columns. A category
 * filter keeps the columns of its categories. A vendor, country or transfer filter asks about vendors: it keeps only
 * the columns on the paths to the flows it keeps (`onKeptPaths`), so the list, the picture and the counts describe the
 * same filtered answer.
 */
export function downstreamOf(row: TraceRow, reach: Reach, filters: TraceFilters, onKeptPaths: ReadonlySet<string>): TraceDownstream[] {
  const vendorQuestion = filters.vendors.length > 0 || filters.countries.length > 0 || filters.transfers.length > 0;
  const start = new Set(row.startColumns);
  const out: TraceDownstream[] = [];
  for (const c of row.columns) {
    const id = idOf(c);
    if (start.has(id) || !reach.parent.has(id) || reach.parent.get(id) === null) continue;
    const categoryId = c.category ? ids.category(c.category) : null;
    if (filters.categories.length > 0 && !(categoryId && filters.categories.includes(categoryId))) continue;
    if (vendorQuestion && !onKeptPaths.has(id)) continue;
    const { inferred: scoped, ...evidence } = pathTo(reach, id);
    out.push({
      column: id,
      table: c.table,
      system: c.system,
      name: c.name,
      category: typeof c.categoryName === "string" ? c.categoryName : c.category,
      categoryId,
      mapping: scoped ? "category-scoped" : "stated",
      evidence,
    });
  }
  return out.sort((a, b) => a.system.localeCompare(b.system) || a.table.localeCompare(b.table) || a.name.localeCompare(b.name));
}
