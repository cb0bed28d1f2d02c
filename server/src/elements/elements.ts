/**
 * Rows from Cypher → Cytoscape elements, for every feature. Node ids come from the one id helper
 * (`kind:key`); an edge is only emitted when both of its ends are in the answer, and the node count is
 * capped so a broad question still returns a drawable graph (with `truncated` telling the client).
 */
import { DERIVED, mergeProvenance, provenanceOf } from "./provenance.js";
import type { ElementEdge, ElementNode, Elements, Omitted, Provenance } from "../contract/api.js";
import { isNodeKind, nodeId, type NodeKind } from "../contract/ids.js";
import type { NodeProps } from "../node.row.js";

/** The most nodes any graph answer carries. */
export const MAX_NODES = 500;

export function kindOf(props: NodeProps): NodeKind {
  if (!isNodeKind(props.kind)) throw new Error(`node of unknown kind '${props.kind}'`);
  return props.kind;
}

export function idOf(props: NodeProps): string {
  return nodeId(kindOf(props), props.key);
}

/** What a node shows besides its name: a table's section heading, a column's table. */
function titleOf(props: NodeProps): string | null {
  if (props.kind === "column") return props.table ?? null;
  return props.title ?? null;
}

export function toElementNode(props: NodeProps, extra: Record<string, unknown> = {}): ElementNode {
  const data: ElementNode["data"] = { id: idOf(props), label: props.name, kind: kindOf(props), system: props.system ?? null, title: titleOf(props), provenance: provenanceOf(props) };
  if (props.kind === "location" && typeof props.eea === "boolean") data.eea = props.eea;
  if (props.kind === "location" && typeof props.adequacy === "string") data.adequacy = props.adequacy;
  if (props.kind === "column" && (props.columnKind === "personal" || props.columnKind === "system" || props.columnKind === "reference")) {
    data.columnKind = props.columnKind;
  }
  return { data: { ...data, ...extra } };
}

export function edgeId(source: string, type: string, target: string): string {
  return `${source}|${type}|${target}`;
}

export class ElementsBuilder {
  private readonly nodes = new Map<string, ElementNode>();
  private readonly edges = new Map<string, ElementEdge>();
  /** Nodes refused by the cap, by id, with their kind: what the answer says it left out. */
  private readonly refused = new Map<string, string>();

  constructor(private readonly maxNodes: number = MAX_NODES) {}

  /** Adds a node (once); returns its id, or null when the cap is reached and the node was left out. */
  node(props: NodeProps, extra: Record<string, unknown> = {}): string | null {
    const id = idOf(props);
    const existing = this.nodes.get(id);
    if (existing) {
      Object.assign(existing.data, extra);
      return id;
    }
    if (this.nodes.size >= this.maxNodes) {
      this.refused.set(id, props.kind);
      return null;
    }
    this.nodes.set(id, toElementNode(props, extra));
    return id;
  }

  /** Adds a node that is not in the database (a group standing for several nodes), under the same cap. */
  aggregate(id: string, kind: NodeKind, label: string, extra: Record<string, unknown> = {}): string | null {
    if (this.nodes.has(id)) return id;
    if (this.nodes.size >= this.maxNodes) {
      this.refused.set(id, kind);
      return null;
    }
    this.nodes.set(id, { data: { id, label, kind, system: null, title: null, provenance: [DERIVED], ...extra } });
    return id;
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /**
   * Adds an edge between two nodes already added. The same relationship stated twice (e.g. one flow per
   * purpose) is drawn once, its labels and provenance merged. `key` tells apart edges of one type between the same two
   * nodes (a copy between two tables, one per category); `provenance` says where it is stated (or how it is inferred).
   */
  edge(source: string, type: string, target: string, data: { label?: string | null; key?: string; provenance?: readonly Provenance[]; [extra: string]: unknown } = {}): void {
    if (!this.nodes.has(source) || !this.nodes.has(target)) return;
    const { label, key, provenance = [], ...rest } = data;
    const id = key ? `${edgeId(source, type, target)}|${key}` : edgeId(source, type, target);
    const existing = this.edges.get(id);
    if (existing) {
      if (label && existing.data.label !== label) {
        const labels = new Set((existing.data.label ?? "").split(", ").filter(Boolean));
        labels.add(label);
        existing.data.label = [...labels].join(", ");
      }
      existing.data.provenance = mergeProvenance(existing.data.provenance, provenance);
      return;
    }
    this.edges.set(id, { data: { ...rest, id, source, target, type, ...(label ? { label } : {}), ...(key ? { key } : {}), provenance: [...provenance] } });
  }

  /** A relationship row `{ source, target, type, props }` (node ids as ends), its provenance read from its stored properties. */
  rel(r: { source: string; target: string; type: string; props?: Record<string, unknown> | null }, label?: string | null): void {
    this.edge(r.source, r.type, r.target, { label: label ?? null, provenance: provenanceOf(r.props) });
  }

  get truncated(): boolean {
    return this.refused.size > 0;
  }

  /** What the cap left out, plus what the query itself left out before (`earlier`: counts by kind). */
  omitted(earlier: Record<string, number> = {}): Omitted {
    const byKind: Record<string, number> = { ...earlier };
    for (const kind of this.refused.values()) byKind[kind] = (byKind[kind] ?? 0) + 1;
    const left = Object.values(byKind).reduce((a, b) => a + b, 0);
    return { totalNodes: this.nodes.size + left, shownNodes: this.nodes.size, byKind };
  }

  get size(): number {
    return this.nodes.size;
  }

  build(): Elements {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
