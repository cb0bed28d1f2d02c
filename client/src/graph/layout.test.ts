import type { Elements } from "@contract/api";
import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";

import { toModel } from "./elements";
import { elkOptions, fromElkResult, toElkGraph, toPatch, toSegments } from "./layout";

/** A trace-shaped answer of 324 nodes: 12 tables × 25 columns → 8 vendors → 3 countries, plus a source. */
function bigTrace(): Elements {
  const nodes: Elements["nodes"] = [{ data: { id: "source:s/checkout", label: "Checkout", kind: "source" } }];
  const edges: Elements["edges"] = [];
  const vendors = Array.from({ length: 8 }, (_, v) => `vendor:v${v}`);
  vendors.forEach((id, v) => nodes.push({ data: { id, label: `Vendor number ${v}`, kind: "vendor" } }));
  ["US", "DE", "IE"].forEach((c) => nodes.push({ data: { id: `location:${c}`, label: c, kind: "location", eea: c !== "US" } }));
  vendors.forEach((v, i) => edges.push({ data: { id: `${v}>loc`, source: v, target: `location:${["US", "DE", "IE"][i % 3]}`, type: "STORES_DATA_IN" } }));
  for (let t = 0; t < 12; t++) {
    const table = `table:Table_${t}`;
    nodes.push({ data: { id: table, label: `Table_${t}`, kind: "table" } });
    edges.push({ data: { id: `feeds${t}`, source: "source:s/checkout", target: table, type: "FEEDS" } });
    for (let c = 0; c < 25; c++) {
      const col = `column:Table_${t}.Column${c}`;
      nodes.push({ data: { id: col, label: `Table${t}Column${c}`, kind: "column", columnKind: "personal" } });
      edges.push({ data: { id: `${table}>${col}`, source: table, target: col, type: "HAS_COLUMN" } });
      edges.push({ data: { id: `${col}>v`, source: col, target: vendors[(t + c) % 8]!, type: "SENT_TO" } });
    }
  }
  // A vendor sending data back: an edge pointing against the lanes.
  edges.push({ data: { id: "back", source: "vendor:v0", target: "column:Table_0.Column0", type: "SENDS_BACK" } });
  return { nodes, edges };
}

describe("toElkGraph", () => {
  it("puts each node in its kind's lane and turns edges against the lanes around", () => {
    const model = toModel(bigTrace());
    const g = toElkGraph(model, { lanes: true });

    expect(g.layoutOptions?.["elk.partitioning.activate"]).toBe("true");
    const table = g.children!.find((c) => c.id === "table:Table_0")!;
    const vendor = g.children!.find((c) => c.id === "vendor:v0")!;
    expect(Number(table.layoutOptions!["elk.partitioning.partition"])).toBeLessThan(Number(vendor.layoutOptions!["elk.partitioning.partition"]));
    const back = g.edges!.find((e) => e.id === "back")!;
    expect(back.sources).toEqual(["column:Table_0.Column0"]);
    expect(back.targets).toEqual(["vendor:v0"]);
  });
});

describe("ELK layered layout of 300+ nodes", () => {
  it("places every node without overlaps, lanes left to right, every edge routed", async () => {
    const model = toModel(bigTrace());
    expect(model.nodes.length).toBeGreaterThan(300);

    const result = fromElkResult(await new ELK().layout(toElkGraph(model, { lanes: true })), model);

    const boxes = model.nodes.map((n) => ({ id: n.data.id, kind: n.data.kind, ...result.positions[n.data.id]!, w: n.data.w, h: n.data.h }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
    const right = (k: string) => Math.max(...boxes.filter((b) => b.kind === k).map((b) => b.x + b.w / 2));
    const left = (k: string) => Math.min(...boxes.filter((b) => b.kind === k).map((b) => b.x - b.w / 2));
    expect(right("source")).toBeLessThan(left("table"));
    expect(right("table")).toBeLessThan(left("column"));
    expect(right("column")).toBeLessThan(left("vendor"));
    expect(right("vendor")).toBeLessThan(left("location"));
    expect(Object.keys(result.edges)).toHaveLength(model.edges.length);
  }, 30_000);
});

describe("elkOptions", () => {
  it("switches to the fast settings past a small graph", () => {
    const big = toModel(bigTrace());
    const small = toModel({ nodes: bigTrace().nodes.slice(0, 20), edges: [] });
    expect(elkOptions({ lanes: true }, small)["elk.layered.nodePlacement.strategy"]).toBe("NETWORK_SIMPLEX");
    expect(elkOptions({ lanes: true }, big)["elk.layered.nodePlacement.strategy"]).toBe("BRANDES_KOEPF");
    expect(elkOptions({ lanes: true }, big)["elk.layered.considerModelOrder.strategy"]).toBe("NONE");
  });
});

describe("toSegments", () => {
  it("expresses bends as weights along and distances across the start → end line", () => {
    // Start (0,0) → end (100,0), one bend at (50, 20): halfway along, 20 px to the normal's side.
    expect(toSegments([{ x: 0, y: 0 }, { x: 50, y: 20 }, { x: 100, y: 0 }])).toEqual({ weights: "0.5000", distances: "20.00" });
  });

  it("has nothing to say about a straight edge", () => {
    expect(toSegments([{ x: 0, y: 0 }, { x: 100, y: 0 }])).toEqual({ weights: "", distances: "" });
  });
});

describe("toPatch", () => {
  it("marks routed edges, straight ones separately, and keeps label anchors", () => {
    const patch = toPatch({
      positions: {},
      width: 0,
      height: 0,
      edges: {
        a: { sourceEndpoint: "10 0", targetEndpoint: "-10 0", weights: "", distances: "", points: [] },
        b: { sourceEndpoint: "10 0", targetEndpoint: "-10 0", weights: "0.5", distances: "4", label: { x: 5, y: 6 }, points: [] },
      },
    });
    expect(patch.edges.a!.classes).toBe("routed straight");
    expect(patch.edges.b).toEqual({ data: { srcEnd: "10 0", tgtEnd: "-10 0", segW: "0.5", segD: "4" }, classes: "routed", labelAt: { x: 5, y: 6 } });
  });
});
