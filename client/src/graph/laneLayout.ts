/**
 * A cheap layered layout for big pictures, where ELK's layered algorithm takes seconds to minutes (a 1,000-element
 * trace took 28 s on the benchmark machine). Same reading order as ELK's (layers left to right, one per kind's lane
 * when `lanes`), but in linear time: nodes are ordered in their layer by two barycentre sweeps over their neighbours,
 * and a layer taller than the picture's height is wrapped into several columns so that "Fit" shows a picture of
 * roughly the screen's shape instead of one 10,000-pixel column. Edges are drawn straight (no routes to compute).
 */
import type { CyNode, GraphModel } from "./elements";

export interface LaneLayoutOptions {
  /** Layers by kind lane (flows); otherwise by distance from `roots` (a neighbourhood). */
  lanes: boolean;
  roots?: readonly string[];
  /** Width / height of the screen the picture is fitted to. */
  aspect?: number;
}

export interface LanePositions {
  positions: Record<string, { x: number; y: number }>;
  width: number;
  height: number;
}

const LAYER_GAP = 110;
const COLUMN_GAP = 36;
const NODE_GAP = 12;
const SWEEPS = 2;

/** The layer of each node: its lane's rank among the lanes present, or its hop distance from the nearest root. */
function layersOf(model: GraphModel, opts: LaneLayoutOptions): Map<string, number> {
  const layer = new Map<string, number>();
  if (opts.lanes) {
    const lanes = [...new Set(model.nodes.map((n) => n.data.lane))].sort((a, b) => a - b);
    const rank = new Map(lanes.map((l, i) => [l, i]));
    for (const n of model.nodes) layer.set(n.data.id, rank.get(n.data.lane) ?? 0);
    return layer;
  }
  const adjacent = adjacency(model);
  const ids = model.nodes.map((n) => n.data.id);
  const byDegree = [...ids].sort((a, b) => (adjacent.get(b)?.length ?? 0) - (adjacent.get(a)?.length ?? 0));
  const starts = [...(opts.roots ?? []).filter((r) => adjacent.has(r)), ...byDegree];
  for (const start of starts) {
    if (layer.has(start)) continue;
    layer.set(start, 0);
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const at = queue[i]!;
      const d = layer.get(at)!;
      for (const next of adjacent.get(at) ?? []) {
        if (layer.has(next)) continue;
        layer.set(next, d + 1);
        queue.push(next);
      }
    }
  }
  return layer;
}

function adjacency(model: GraphModel): Map<string, string[]> {
  const adjacent = new Map<string, string[]>(model.nodes.map((n) => [n.data.id, []]));
  for (const e of model.edges) {
    const s = adjacent.get(e.data.source);
    const t = adjacent.get(e.data.target);
    if (!s || !t || e.data.source === e.data.target) continue;
    s.push(e.data.target);
    t.push(e.data.source);
  }
  return adjacent;
}

/**
 * Node positions (centres). Within a layer, nodes start in label order and are then sorted by the mean relative
 * position of their neighbours in the previous layer (forward sweep), then in the next one (backward sweep).
 */
export function laneLayout(model: GraphModel, opts: LaneLayoutOptions): LanePositions {
  const layer = layersOf(model, opts);
  const adjacent = adjacency(model);
  const count = Math.max(0, ...layer.values()) + 1;
  const layers: CyNode[][] = Array.from({ length: count }, () => []);
  for (const n of model.nodes) layers[layer.get(n.data.id) ?? 0]!.push(n);
  for (const l of layers) l.sort((a, b) => a.data.label.localeCompare(b.data.label));

  // Relative position (0..1) of every node in its layer, so layers of different sizes can be compared.
  const rel = new Map<string, number>();
  const place = (l: CyNode[]) => l.forEach((n, i) => rel.set(n.data.id, l.length > 1 ? i / (l.length - 1) : 0.5));
  layers.forEach(place);
  const sweep = (i: number, from: number) => {
    const l = layers[i]!;
    const key = new Map<string, number>();
    for (const n of l) {
      let sum = 0;
      let k = 0;
      for (const m of adjacent.get(n.data.id) ?? []) {
        if (layer.get(m) !== from) continue;
        sum += rel.get(m)!;
        k++;
      }
      key.set(n.data.id, k > 0 ? sum / k : rel.get(n.data.id)!);
    }
    l.sort((a, b) => key.get(a.data.id)! - key.get(b.data.id)! || a.data.label.localeCompare(b.data.label));
    place(l);
  };
  for (let s = 0; s < SWEEPS; s++) {
    for (let i = 1; i < count; i++) sweep(i, i - 1);
    for (let i = count - 2; i >= 0; i--) sweep(i, i + 1);
  }

  // The picture's height: that of a box of the screen's shape holding every node with its gaps.
  const aspect = opts.aspect ?? 1.5;
  const area = model.nodes.reduce((a, n) => a + (n.data.w + COLUMN_GAP) * (n.data.h + NODE_GAP), 0) + (count - 1) * LAYER_GAP * 400;
  const tallest = Math.max(0, ...model.nodes.map((n) => n.data.h));
  const maxHeight = Math.max(600, tallest, Math.sqrt(area / aspect));

  const positions: LanePositions["positions"] = {};
  let x = 0;
  let height = 0;
  for (const l of layers) {
    if (l.length === 0) continue;
    // Cut the layer into columns of at most maxHeight, in order, top to bottom then left to right.
    const columns: CyNode[][] = [[]];
    let h = 0;
    for (const n of l) {
      const col = columns[columns.length - 1]!;
      if (col.length > 0 && h + n.data.h > maxHeight) {
        columns.push([n]);
        h = n.data.h + NODE_GAP;
      } else {
        col.push(n);
        h += n.data.h + NODE_GAP;
      }
    }
    for (const col of columns) {
      const w = Math.max(...col.map((n) => n.data.w));
      const colHeight = col.reduce((a, n) => a + n.data.h, 0) + NODE_GAP * (col.length - 1);
      height = Math.max(height, colHeight);
      let y = -colHeight / 2;
      for (const n of col) {
        positions[n.data.id] = { x: x + w / 2, y: y + n.data.h / 2 };
        y += n.data.h + NODE_GAP;
      }
      x += w + COLUMN_GAP;
    }
    x += LAYER_GAP - COLUMN_GAP;
  }
  return { positions, width: Math.max(0, x - LAYER_GAP), height };
}
