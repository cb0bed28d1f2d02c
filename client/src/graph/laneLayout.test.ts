import type { Elements } from "@contract/api";
import { describe, expect, it } from "vitest";

import { toModel } from "./elements";
import { lanePatch, usesElk } from "./flowLayout";
import { laneLayout } from "./laneLayout";

/** A trace of about 1,000 elements: a system → 40 tables → 400 columns → 60 vendors → 8 countries. */
function thousand(): Elements {
  const nodes: Elements["nodes"] = [{ data: { id: "system:s", label: "S", kind: "system" } }];
  const edges: Elements["edges"] = [];
  for (let v = 0; v < 60; v++) nodes.push({ data: { id: `vendor:v${v}`, label: `Vendor ${v}`, kind: "vendor" } });
  for (let c = 0; c < 8; c++) nodes.push({ data: { id: `location:C${c}`, label: `Country ${c}`, kind: "location" } });
  for (let v = 0; v < 60; v++) edges.push({ data: { id: `v${v}>c`, source: `vendor:v${v}`, target: `location:C${v % 8}`, type: "STORES_DATA_IN" } });
  for (let t = 0; t < 40; t++) {
    nodes.push({ data: { id: `table:s/T${t}`, label: `T${t}`, kind: "table" } });
    edges.push({ data: { id: `s>t${t}`, source: "system:s", target: `table:s/T${t}`, type: "CONTAINS" } });
    for (let c = 0; c < 10; c++) {
      const col = `column:s/T${t}.C${c}`;
      nodes.push({ data: { id: col, label: `T${t}.C${c}`, kind: "column" } });
      edges.push({ data: { id: `t${t}>c${c}`, source: `table:s/T${t}`, target: col, type: "HAS_COLUMN" } });
      edges.push({ data: { id: `${col}>v`, source: col, target: `vendor:v${(t * 3 + c) % 60}`, type: "SENT_TO" } });
    }
  }
  return { nodes, edges };
}

describe("laneLayout", () => {
  const model = toModel(thousand());

  it("is what a 1,000-element picture gets: ELK is kept for small ones", () => {
    expect(model.nodes.length + model.edges.length).toBeGreaterThan(1000);
    expect(usesElk(model)).toBe(false);
    expect(usesElk({ nodes: model.nodes.slice(0, 40), edges: model.edges.slice(0, 60) })).toBe(true);
  });

  it("lays out 1,000 elements in well under the 1.5 s budget", () => {
    const started = performance.now();
    const { positions } = laneLayout(model, { lanes: true });
    // Generous against a loaded 2-core machine; it takes a few milliseconds.
    expect(performance.now() - started).toBeLessThan(500);
    expect(Object.keys(positions)).toHaveLength(model.nodes.length);
  });

  it("keeps the lanes in order left to right and never overlaps two nodes", () => {
    const { positions } = laneLayout(model, { lanes: true });
    const box = (id: string) => {
      const n = model.nodes.find((x) => x.data.id === id)!;
      const p = positions[id]!;
      return { x1: p.x - n.data.w / 2, x2: p.x + n.data.w / 2, y1: p.y - n.data.h / 2, y2: p.y + n.data.h / 2, lane: n.data.lane };
    };
    const boxes = model.nodes.map((n) => box(n.data.id));
    const lanesOutOfOrder = boxes.flatMap((a) => boxes.filter((b) => a.lane < b.lane && a.x2 >= b.x1));
    expect(lanesOutOfOrder).toEqual([]);
    const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => !(a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1)));
    expect(overlaps).toEqual([]);
  });

  it("wraps a tall lane into columns so the picture has about the screen's shape", () => {
    const { width, height } = laneLayout(model, { lanes: true, aspect: 1.6 });
    // 400 columns stacked would be over 20,000 px tall; wrapped, the picture is wider than tall, as the screen.
    expect(height).toBeLessThan(4000);
    expect(width / height).toBeGreaterThan(0.8);
    expect(width / height).toBeLessThan(4);
  });

  it("puts a node next to its neighbours: a table's columns sit near it", () => {
    const small = toModel({
      nodes: [
        { data: { id: "table:s/B", label: "B", kind: "table" } },
        { data: { id: "table:s/A", label: "A", kind: "table" } },
        { data: { id: "column:s/A.z", label: "z", kind: "column" } },
        { data: { id: "column:s/B.a", label: "a", kind: "column" } },
      ],
      edges: [
        { data: { id: "1", source: "table:s/A", target: "column:s/A.z", type: "HAS_COLUMN" } },
        { data: { id: "2", source: "table:s/B", target: "column:s/B.a", type: "HAS_COLUMN" } },
      ],
    });
    const { positions } = laneLayout(small, { lanes: true });
    // Alphabetically "a" would come first; the sweep puts each column beside its own table.
    expect(Math.sign(positions["column:s/A.z"]!.y - positions["column:s/B.a"]!.y)).toBe(Math.sign(positions["table:s/A"]!.y - positions["table:s/B"]!.y));
  });

  it("without lanes, layers by distance from the root", () => {
    const { positions } = laneLayout(model, { lanes: false, roots: ["table:s/T0"] });
    expect(positions["table:s/T0"]!.x).toBeLessThan(positions["column:s/T0.C0"]!.x);
    expect(positions["column:s/T0.C0"]!.x).toBeLessThan(positions["system:s"]!.x + 1e6);
    expect(Object.keys(positions)).toHaveLength(model.nodes.length);
  });

  it("as a canvas patch draws every edge straight", () => {
    const patch = lanePatch(model, { lanes: true });
    expect(Object.keys(patch.edges ?? {})).toHaveLength(model.edges.length);
    expect(Object.values(patch.edges ?? {}).every((e) => e.classes === "plain")).toBe(true);
  });
});
