/**
 * The trace picture in lanes source → table → column → category → vendor → country. The API draws columns
 * straight to vendors; "via categories" routes each flow through the column's data category instead, which is
 * how a DPIA states transfers (categories of data per recipient). A category is drawn once per vendor, so the
 * picture never joins a column to a vendor it does not reach. Both are pure transforms of the answer.
 */
import type { ElementEdge, ElementNode, Elements } from "@contract/api";
import { categoryToVendorId, parseColumnKey, parseNodeId } from "@contract/ids";

export type TraceDetail = "categories" | "columns";

/**
 * The trace's picture (`elements`: the whole answer's, whichever page of its vendors came with it) as the reader chose
 * it. Each column sent to a vendor names its data category (`categoryId`, `categoryName`), so the picture needs no
 * vendor list: it is drawn from a trace's first page before the pages after it are read.
 */
export function traceElements(elements: Elements, detail: TraceDetail): Elements {
  if (detail === "columns") return elements;
  const categoryOf = new Map<string, { id: string; name: string }>();
  for (const n of elements.nodes) {
    const { kind, categoryId, categoryName } = n.data;
    if (kind === "column" && typeof categoryId === "string" && typeof categoryName === "string") categoryOf.set(n.data.id, { id: categoryId, name: categoryName });
  }
  if (categoryOf.size === 0) return elements;
  const nodes = new Map<string, ElementNode>(elements.nodes.map((n) => [n.data.id, n]));
  const edges = new Map<string, ElementEdge>();
  const addEdge = (source: string, type: string, target: string, label?: string) => {
    const id = `${source}|${type}|${target}`;
    if (!edges.has(id)) edges.set(id, { data: { id, source, target, type, ...(label ? { label } : {}) } });
  };
  for (const e of elements.edges) {
    const cat = e.data.type === "SENT_TO" ? categoryOf.get(e.data.source) : undefined;
    if (!cat) {
      edges.set(e.data.id, e);
      continue;
    }
    const via = categoryToVendorId(cat.id, e.data.target);
    if (!nodes.has(via)) nodes.set(via, { data: { id: via, label: cat.name, kind: "category", categoryId: cat.id } });
    addEdge(e.data.source, "OF_CATEGORY", via);
    addEdge(via, "SENT_TO", e.data.target, e.data.label);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * A column's label gets its table's name when the label occurs in more than one table ("AddressCity"), or when its
 * table is not drawn (a column reached through a copy), so a reader always knows which table holds it.
 */
export function qualifyAmbiguousColumns(elements: Elements): Elements {
  const count = new Map<string, number>();
  for (const n of elements.nodes) if (n.data.kind === "column") count.set(n.data.label, (count.get(n.data.label) ?? 0) + 1);
  const drawnTables = new Set(elements.nodes.filter((n) => n.data.kind === "table").map((n) => `${n.data.system ?? ""}/${n.data.label}`));
  const tableDrawn = (n: Elements["nodes"][number]) => drawnTables.has(`${n.data.system ?? ""}/${n.data.title ?? ""}`);
  const qualify = (n: Elements["nodes"][number]) => n.data.kind === "column" && ((count.get(n.data.label) ?? 0) > 1 || !tableDrawn(n));
  if (!elements.nodes.some(qualify)) return elements;
  return {
    nodes: elements.nodes.map((n) => {
      if (!qualify(n)) return n;
      const parsed = parseNodeId(n.data.id);
      const table = n.data.title ?? (parsed ? parseColumnKey(parsed.key)?.table : undefined) ?? "";
      return { data: { ...n.data, label: `${table}.${n.data.label}` } };
    }),
    edges: elements.edges,
  };
}
