/**
 * Layered left-to-right layout with ELK. Pure halves live here (graph → ELK input, ELK output → positions and
 * edge geometry) so they can be tested in node; running ELK itself (in a web worker) is in elkRunner.ts.
 */
import type { ElkEdgeSection, ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api";

import type { GraphModel } from "./elements";
import { EDGE_FONT_SIZE } from "./elements";

export interface LayoutRequest {
  /** Keep kinds in lanes (source → table → column → category → vendor → country), as flows are read. */
  lanes: boolean;
  /** Edges into one node share one port (a bus): clean for fan-ins like "referenced by", ambiguous in flows. */
  mergeEdges?: boolean;
  /** Tighter spacing for printed figures (exports): the same layers, less white space between them. */
  compact?: boolean;
  /**
   * A star (many nodes pointing at one hub, as "referenced by") drawn on both sides of the hub instead of one
   * tall column: half the edges into the hub are given to ELK reversed, so their sources land right of it.
   */
  twoSided?: boolean;
  /**
   * Each node sends all its edges out of one port, so ELK draws a node's fan-out as one tree instead of one track
   * per edge (a system's fan-out to 25 tables took a tenth of the figure's width). Only out-edges share: each edge
   * still enters its target at its own point, so the tree never merges flows from different sources.
   */
  sharedOutPorts?: boolean;
}

const OUT_PORT = "#out";

export interface EdgeGeometry {
  /** Endpoints relative to the node centres, as Cytoscape's source-endpoint / target-endpoint want them. */
  sourceEndpoint: string;
  targetEndpoint: string;
  /** Bends as Cytoscape `segments` weights/distances relative to the endpoints' line ("" when straight). */
  weights: string;
  distances: string;
  /** Where ELK put the label's centre, if the edge has one. */
  label?: { x: number; y: number };
  /** The route in model coordinates, source end first: what an exported SVG draws. */
  points: { x: number; y: number }[];
}

export interface LayoutResult {
  positions: Record<string, { x: number; y: number }>;
  edges: Record<string, EdgeGeometry>;
  width: number;
  height: number;
}

const EDGE_LABEL_HEIGHT = EDGE_FONT_SIZE + 6;

/**
 * ELK's nicest settings (network-simplex placement, model order kept, thorough crossing minimisation) take
 * minutes on a 500-node neighbourhood; past a small size the fast ones keep a layout within seconds.
 * Measured on a 500-node / 1168-edge answer: 366 s with the nice settings, 4–7 s with the fast ones.
 */
export function sizeClass(model: GraphModel): "small" | "large" {
  return model.nodes.length <= 120 && model.edges.length <= 250 ? "small" : "large";
}

export function elkOptions(req: LayoutRequest, model: GraphModel): Record<string, string> {
  const labelled = model.edges.some((e) => e.data.edgeLabel);
  const small = sizeClass(model) === "small";
  // In print, straight diagonal segments instead of orthogonal routes: orthogonal routing gives each edge its own
  // vertical track between two lanes, which widened a trace figure by a fifth.
  const compact = req.compact
    ? {
        "elk.layered.spacing.nodeNodeBetweenLayers": labelled ? "20" : "18",
        "elk.layered.spacing.edgeNodeBetweenLayers": "12",
        "elk.spacing.nodeNode": "7",
        "elk.spacing.edgeEdge": "3",
        "elk.spacing.edgeNode": "6",
        "elk.spacing.edgeLabel": "2",
        "elk.spacing.componentComponent": "24",
        "elk.padding": "[top=6,left=6,bottom=6,right=6]",
      }
    : {};
  return {
    "elk.algorithm": "layered",
    "elk.direction": "RIGHT",
    "elk.edgeRouting": "ORTHOGONAL",
    "elk.layered.spacing.nodeNodeBetweenLayers": labelled ? "36" : "64",
    "elk.layered.spacing.edgeNodeBetweenLayers": "24",
    "elk.spacing.nodeNode": "14",
    "elk.spacing.edgeEdge": "8",
    "elk.spacing.edgeNode": "14",
    "elk.spacing.edgeLabel": "4",
    "elk.spacing.componentComponent": "48",
    "elk.layered.nodePlacement.strategy": small ? "NETWORK_SIMPLEX" : "BRANDES_KOEPF",
    "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
    // Input is sorted by lane and label, so ties are broken alphabetically: lists and picture read alike.
    "elk.layered.considerModelOrder.strategy": small ? "NODES_AND_EDGES" : "NONE",
    "elk.layered.thoroughness": small ? "10" : model.nodes.length > 300 ? "1" : "3",
    "elk.layered.mergeEdges": req.mergeEdges ? "true" : "false",
    "elk.edgeLabels.inline": "false",
    "elk.layered.edgeLabels.sideSelection": "ALWAYS_UP",
    // Lanes must line up across the whole picture, so components are not laid out (and shifted) separately.
    "elk.separateConnectedComponents": req.lanes ? "false" : "true",
    "elk.partitioning.activate": req.lanes ? "true" : "false",
    "elk.padding": "[top=24,left=24,bottom=24,right=24]",
    ...compact,
  };
}

/**
 * The ELK input. With lanes, each node's partition is its kind's lane; an edge that points right-to-left
 * (a vendor sending data back to a column) is given to ELK reversed, since partitions only allow rightward edges.
 */
export function toElkGraph(model: GraphModel, req: LayoutRequest): ElkNode {
  const nodes = [...model.nodes].sort((a, b) => (req.lanes ? a.data.lane - b.data.lane : 0) || a.data.label.localeCompare(b.data.label));
  const lane = new Map(nodes.map((n) => [n.data.id, n.data.lane]));
  const otherSide = req.twoSided ? secondSide(model) : new Set<string>();
  // An edge the server marks `back` (into a node the trace reached no later: a copy returning to a table, or between
  // two tables a system reaches directly) is left out of the layering when it stays in one lane, so it never pushes
  // the picture a layer wider; it is drawn straight, dotted, over the laid-out picture.
  const laidOut = model.edges.filter((e) => !(e.data.back === true && (!req.lanes || lane.get(e.data.source) === lane.get(e.data.target))));
  const edges: ElkExtendedEdge[] = laidOut.map((e) => {
    const [from, to] = [lane.get(e.data.source) ?? 0, lane.get(e.data.target) ?? 0];
    const backwards = (req.lanes && from > to) || otherSide.has(e.data.id);
    const labelH = typeof e.data.labelH === "number" ? e.data.labelH : EDGE_LABEL_HEIGHT;
    return {
      id: e.data.id,
      sources: [backwards ? e.data.target : req.sharedOutPorts ? `${e.data.source}${OUT_PORT}` : e.data.source],
      targets: [backwards ? e.data.source : e.data.target],
      ...(e.data.edgeLabel ? { labels: [{ id: `${e.data.id}#label`, text: e.data.edgeLabel, width: e.data.labelW + 8, height: labelH }] } : {}),
    };
  });
  return {
    id: "root",
    layoutOptions: elkOptions(req, model),
    children: nodes.map((n) => ({
      id: n.data.id,
      width: n.data.w,
      height: n.data.h,
      layoutOptions: {
        ...(req.lanes ? { "elk.partitioning.partition": String(n.data.lane) } : {}),
        ...(req.sharedOutPorts ? { "elk.portConstraints": "FIXED_SIDE" } : {}),
      },
      ...(req.sharedOutPorts ? { ports: [{ id: `${n.data.id}${OUT_PORT}`, width: 0, height: 0, layoutOptions: { "elk.port.side": "EAST" } }] } : {}),
    })),
    edges,
  };
}

/**
 * The edges to draw on the hub's far side: every second edge into the node with the most incoming edges (in
 * label order, so the two sides alternate alphabetically), when nothing else connects those edges' sources.
 */
export function secondSide(model: GraphModel): Set<string> {
  const incoming = new Map<string, GraphModel["edges"]>();
  for (const e of model.edges) incoming.set(e.data.target, [...(incoming.get(e.data.target) ?? []), e]);
  const [hub, into] = [...incoming.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!hub || !into || into.length < 6) return new Set();
  const degree = new Map<string, number>();
  for (const e of model.edges) for (const id of [e.data.source, e.data.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  const label = new Map(model.nodes.map((n) => [n.data.id, n.data.label]));
  const leaves = into.filter((e) => degree.get(e.data.source) === 1 && e.data.source !== hub);
  leaves.sort((a, b) => (label.get(a.data.source) ?? "").localeCompare(label.get(b.data.source) ?? ""));
  return new Set(leaves.filter((_, i) => i % 2 === 1).map((e) => e.data.id));
}

function polyline(section: ElkEdgeSection, reversed: boolean): { x: number; y: number }[] {
  const pts = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
  return reversed ? pts.reverse() : pts;
}

/** Bend points as Cytoscape segment weights and distances along/perpendicular to the start→end line. */
export function toSegments(points: { x: number; y: number }[]): { weights: string; distances: string } {
  const start = points[0]!;
  const end = points[points.length - 1]!;
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const len2 = dx * dx + dy * dy;
  const bends = points.slice(1, -1);
  if (bends.length === 0 || len2 < 1e-6) return { weights: "", distances: "" };
  const len = Math.sqrt(len2);
  const weights: string[] = [];
  const distances: string[] = [];
  for (const p of bends) {
    const px = p.x - start.x;
    const py = p.y - start.y;
    const w = (px * dx + py * dy) / len2;
    // Cytoscape offsets along the normal (-dy, dx) / len.
    const d = (px * -dy + py * dx) / len;
    weights.push(w.toFixed(4));
    distances.push(d.toFixed(2));
  }
  return { weights: weights.join(" "), distances: distances.join(" ") };
}

/** ELK's answer → node centres and edge geometry for Cytoscape (preset positions, `segments` edges). */
export function fromElkResult(result: ElkNode, model: GraphModel): LayoutResult {
  const positions: LayoutResult["positions"] = {};
  const boxes = new Map<string, { cx: number; cy: number }>();
  for (const c of result.children ?? []) {
    const cx = (c.x ?? 0) + (c.width ?? 0) / 2;
    const cy = (c.y ?? 0) + (c.height ?? 0) / 2;
    positions[c.id] = { x: cx, y: cy };
    boxes.set(c.id, { cx, cy });
  }
  const byId = new Map(model.edges.map((e) => [e.data.id, e]));
  const edges: LayoutResult["edges"] = {};
  for (const e of (result.edges ?? [])) {
    const section = e.sections?.[0];
    const original = byId.get(e.id);
    if (!section || !original) continue;
    const reversed = e.sources[0]?.replace(OUT_PORT, "") !== original.data.source;
    const pts = polyline(section, reversed);
    const s = boxes.get(original.data.source);
    const t = boxes.get(original.data.target);
    if (!s || !t) continue;
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    const label = e.labels?.[0];
    edges[e.id] = {
      sourceEndpoint: `${(first.x - s.cx).toFixed(1)} ${(first.y - s.cy).toFixed(1)}`,
      targetEndpoint: `${(last.x - t.cx).toFixed(1)} ${(last.y - t.cy).toFixed(1)}`,
      ...toSegments(pts),
      ...(label ? { label: { x: (label.x ?? 0) + (label.width ?? 0) / 2, y: (label.y ?? 0) + (label.height ?? 0) / 2 } } : {}),
      points: pts,
    };
  }
  return { positions, edges, width: result.width ?? 0, height: result.height ?? 0 };
}

/** The layout as the canvas applies it: routed edges carry their endpoints and bends as data. */
export function toPatch(r: LayoutResult): {
  positions: LayoutResult["positions"];
  edges: Record<string, { data: Record<string, string>; classes: string; labelAt?: { x: number; y: number } }>;
} {
  const edges: ReturnType<typeof toPatch>["edges"] = {};
  for (const [id, g] of Object.entries(r.edges)) {
    const straight = g.weights === "";
    edges[id] = {
      data: { srcEnd: g.sourceEndpoint, tgtEnd: g.targetEndpoint, segW: straight ? "0.5" : g.weights, segD: straight ? "0" : g.distances },
      classes: straight ? "routed straight" : "routed",
      ...(g.label ? { labelAt: g.label } : {}),
    };
  }
  return { positions: r.positions, edges };
}
