/**
 * The trace picture in lanes source → table → column → category → vendor → country. The API draws columns
 * straight to vendors; "via categories" routes each flow through the column's data category instead, which is
 * how a DPIA states transfers (categories of data per recipient). Both are pure transforms of the answer.
 */
import type { ElementEdge, ElementNode, Elements, TraceResponse } from "@contract/api";

export type TraceDetail = "categories" | "columns";

export function traceElements(t: TraceResponse, detail: TraceDetail): Elements {
  if (detail === "columns") return t.elements;
  // Column → category, from the vendors' fields (the category's id comes from the vendor's category list).
  const categoryOf = new Map<string, { id: string; name: string }>();
  for (const v of t.vendors) {
    const idByName = new Map(v.categories.map((c) => [c.name, c.id]));
    for (const f of v.fields) {
      const id = f.category ? idByName.get(f.category) : undefined;
      if (f.category && id) categoryOf.set(f.id, { id, name: f.category });
    }
  }
  if (categoryOf.size === 0) return t.elements;
  const nodes = new Map<string, ElementNode>(t.elements.nodes.map((n) => [n.data.id, n]));
  const edges = new Map<string, ElementEdge>();
  const addEdge = (source: string, type: string, target: string) => {
    const id = `${source}|${type}|${target}`;
    if (!edges.has(id)) edges.set(id, { data: { id, source, target, type } });
  };
  for (const e of t.elements.edges) {
    const cat = e.data.type === "SENT_TO" ? categoryOf.get(e.data.source) : undefined;
    if (!cat) {
      edges.set(e.data.id, e);
      continue;
    }
    if (!nodes.has(cat.id)) nodes.set(cat.id, { data: { id: cat.id, label: cat.name, kind: "category" } });
    addEdge(e.data.source, "OF_CATEGORY", cat.id);
    addEdge(cat.id, "SENT_TO", e.data.target);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Column labels that occur in more than one table get their table's name, so "AddressCity" is never ambiguous. */
export function qualifyAmbiguousColumns(elements: Elements): Elements {
  const count = new Map<string, number>();
  for (const n of elements.nodes) if (n.data.kind === "column") count.set(n.data.label, (count.get(n.data.label) ?? 0) + 1);
  if (![...count.values()].some((c) => c > 1)) return elements;
  return {
    nodes: elements.nodes.map((n) => {
      if (n.data.kind !== "column" || (count.get(n.data.label) ?? 0) < 2) return n;
      const table = n.data.title ?? n.data.id.slice("column:".length).split(".")[0];
      return { data: { ...n.data, label: `${table}.${n.data.label}` } };
    }),
    edges: elements.edges,
  };
}
