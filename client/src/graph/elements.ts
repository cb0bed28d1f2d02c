/**
 * Pure transforms from the API's graph answers to Cytoscape element definitions: display labels, node sizes,
 * lanes and the classes the stylesheet keys on. No DOM here: text width comes in as a `measure` function.
 */
import type { ElementEdge, ElementNode, Elements, TransferStatus } from "@contract/api";
import type { NodeKind } from "@contract/ids";

import { KIND_LOOK, laneOf, shapeBox } from "./kinds";
import { TRANSFER_LOOK } from "./transfer";

export const NODE_FONT_SIZE = 13;
export const EDGE_FONT_SIZE = 11;
const LINE_HEIGHT = 17;
const PAD_Y = 8;
const MIN_WIDTH = 54;
const MAX_LABEL_CHARS = 46;

export type Measure = (text: string, fontSize: number, weight?: number) => number;

/** A rough text width for places without a canvas (tests, workers): average glyph ≈ 0.56 em. */
export const approxMeasure: Measure = (text, fontSize) => Math.ceil(text.length * fontSize * 0.56);

export interface NodeData {
  id: string;
  label: string;
  kind: NodeKind;
  system?: string | null;
  title?: string | null;
  eea?: boolean;
  transfer?: TransferStatus;
  columnKind?: "personal" | "system" | "reference";
  /** The text drawn inside the node (may hold a second line). */
  display: string;
  w: number;
  h: number;
  lane: number;
  [key: string]: unknown;
}

export interface EdgeData {
  id: string;
  source: string;
  target: string;
  type: string;
  /** Text drawn on the edge, empty when none. */
  edgeLabel: string;
  labelW: number;
  [key: string]: unknown;
}

export interface CyNode {
  group: "nodes";
  data: NodeData;
  classes: string;
}
export interface CyEdge {
  group: "edges";
  data: EdgeData;
  classes: string;
}
export interface GraphModel {
  nodes: CyNode[];
  edges: CyEdge[];
}

export interface ToModelOptions {
  measure?: Measure;
  /** Nodes drawn emphasised: the start of a trace, the centre of a neighbourhood, the referenced table. */
  roots?: readonly string[];
  /** Draw edge labels (e.g. the referencing columns); off by default to keep flows uncluttered. */
  edgeLabels?: boolean;
}

/**
 * The transfer status a vendor or country node is marked with: the server's, for the flows of this answer. A country
 * drawn outside any flow (explore) says only whether it is in the EEA, a fact of the catalogue.
 */
export function transferOf(node: ElementNode["data"]): TransferStatus | null {
  if (node.kind !== "vendor" && node.kind !== "location") return null;
  if (node.transfer) return node.transfer;
  return node.kind === "location" && node.eea === true ? "eea" : null;
}

function truncate(s: string, max = MAX_LABEL_CHARS): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

export function displayLabel(node: ElementNode["data"]): string {
  const main = truncate(node.label || node.id);
  // A collapsed table stands for its columns: say how many, as a group says how many vendors (in its label).
  if (node.collapsed) return `${main}\n${plural(node.collapsed.columns, "column")}`;
  const transfer = transferOf(node);
  // A group by transfer status names its status in its label already ("214 vendors · third country").
  if (node.group?.by === "transfer") return main;
  return transfer ? `${main}\n${TRANSFER_LOOK[transfer].badge}` : main;
}

/** "1 column", "2,341 columns". */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

/** How many statements a drawn edge bundles (vendors into a group, columns of a collapsed table); null: not a bundle. */
export function bundled(edge: ElementEdge["data"]): number | null {
  return typeof edge.count === "number" ? edge.count : null;
}

/**
 * A bundle's label: the server's when it already starts with the count ("9 vendors"), else the count after it
 * ("Customers ×5": a collapsed table's flow to a vendor, named by its purpose, carrying five columns).
 */
export function bundleLabel(label: string | undefined, count: number): string {
  const n = `×${count.toLocaleString("en")}`;
  if (!label) return n;
  return label.startsWith(count.toLocaleString("en")) ? truncate(label, 60) : `${truncate(label, 50)} ${n}`;
}

/** A bundle's line width grows with the log of its count, so 200 vendors read heavier than 2 without drowning the rest. */
export function bundleWidth(count: number): number {
  return Math.round((1.3 + Math.min(5, Math.log2(Math.max(1, count)))) * 10) / 10;
}

/** Edge text: the server's label, else the columns a reference is made through. */
export function edgeText(edge: ElementEdge["data"]): string {
  if (edge.label) return edge.label;
  const cols = edge.columns;
  return Array.isArray(cols) ? cols.map(String).join(", ") : "";
}

export function nodeSize(display: string, kind: NodeKind, measure: Measure): { w: number; h: number } {
  const lines = display.split("\n");
  const textW = Math.max(...lines.map((l) => measure(l, NODE_FONT_SIZE, 500)));
  // Sized to the measured text, by how much the kind's shape narrows at its height (no label touches a border).
  const box = shapeBox(KIND_LOOK[kind].shape, textW, lines.length * LINE_HEIGHT, PAD_Y);
  return { w: Math.max(MIN_WIDTH, box.w), h: box.h };
}

export function toModel(elements: Elements, options: ToModelOptions = {}): GraphModel {
  const measure = options.measure ?? approxMeasure;
  const roots = new Set(options.roots ?? []);
  const nodes = new Map<string, CyNode>();
  for (const n of elements.nodes) {
    if (nodes.has(n.data.id)) continue;
    const display = displayLabel(n.data);
    const classes = [`kind-${n.data.kind}`];
    const transfer = transferOf(n.data);
    if (transfer) classes.push(`transfer-${transfer}`);
    if (n.data.kind === "column" && n.data.columnKind) classes.push(`column-${n.data.columnKind}`);
    if (n.data.group) classes.push("group");
    if (n.data.collapsed) classes.push("collapsed");
    // Flows between own systems: a system not loaded, and a scoped trace's part in other systems.
    if (n.data.notLoaded === true) classes.push("not-loaded");
    if (n.data.outside === true) classes.push("outside");
    if (roots.has(n.data.id)) classes.push("root");
    nodes.set(n.data.id, {
      group: "nodes",
      data: { ...n.data, display, ...nodeSize(display, n.data.kind, measure), lane: laneOf(n.data.kind) },
      classes: classes.join(" "),
    });
  }
  const edges = new Map<string, CyEdge>();
  for (const e of elements.edges) {
    if (edges.has(e.data.id) || !nodes.has(e.data.source) || !nodes.has(e.data.target)) continue;
    // Long enough for every column list in the data (a DPIA picture must not hide a referencing column).
    // A bundle always says how many statements it stands for, with or without the view's edge labels.
    const count = bundled(e.data);
    const edgeLabel = count !== null ? bundleLabel(e.data.label, count) : options.edgeLabels ? truncate(edgeText(e.data), 160) : "";
    edges.set(e.data.id, {
      group: "edges",
      data: { ...e.data, edgeLabel, labelW: edgeLabel ? measure(edgeLabel, EDGE_FONT_SIZE) : 0, lblDx: 0, lblDy: 0, ...(count !== null ? { bw: bundleWidth(count) } : {}) },
      classes: [`type-${e.data.type}`, ...(edgeLabel ? ["labelled"] : []), ...(count !== null ? ["bundle"] : []), ...(e.data.back === true ? ["back"] : [])].join(" "),
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** API elements of several answers (an expanded neighbourhood) as one: first occurrence of an id wins. */
export function mergeElements(...parts: Elements[]): Elements {
  const nodes = new Map<string, ElementNode>();
  const edges = new Map<string, ElementEdge>();
  for (const p of parts) {
    for (const n of p.nodes) if (!nodes.has(n.data.id)) nodes.set(n.data.id, n);
    for (const e of p.edges) if (!edges.has(e.data.id)) edges.set(e.data.id, e);
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/**
 * Collapse: removes the neighbours of `id` that hang only on it (their other edges lead nowhere else),
 * keeping `keep` (e.g. the view's centre). Returns the same object when nothing would change.
 */
export function collapseNode(elements: Elements, id: string, keep: readonly string[] = []): Elements {
  const adjacency = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    if (!adjacency.has(a)) adjacency.set(a, new Set());
    adjacency.get(a)!.add(b);
  };
  for (const e of elements.edges) {
    link(e.data.source, e.data.target);
    link(e.data.target, e.data.source);
  }
  const kept = new Set([id, ...keep]);
  const removed = new Set<string>();
  for (const n of adjacency.get(id) ?? []) {
    if (kept.has(n)) continue;
    const others = [...(adjacency.get(n) ?? [])].filter((m) => m !== id && m !== n);
    if (others.length === 0) removed.add(n);
  }
  if (removed.size === 0) return elements;
  return {
    nodes: elements.nodes.filter((n) => !removed.has(n.data.id)),
    edges: elements.edges.filter((e) => !removed.has(e.data.source) && !removed.has(e.data.target)),
  };
}

/** Kinds present in a model, in lane order: what the legend shows. */
export function kindsPresent(elements: Pick<Elements, "nodes">): NodeKind[] {
  const present = new Set(elements.nodes.map((n) => n.data.kind));
  return (Object.keys(KIND_LOOK) as NodeKind[]).filter((k) => present.has(k)).sort((a, b) => laneOf(a) - laneOf(b));
}

/**
 * Only the edges that touch one of `centres`: in a one-step neighbourhood the links among the neighbours
 * (a system containing every table around) add crossings without answering "what is this node connected to".
 */
export function edgesAround(elements: Elements, centres: readonly string[]): Elements {
  const c = new Set(centres);
  return { nodes: elements.nodes, edges: elements.edges.filter((e) => c.has(e.data.source) || c.has(e.data.target)) };
}
