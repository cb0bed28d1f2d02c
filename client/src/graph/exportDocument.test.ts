import type { Elements } from "@contract/api";
import { describe, expect, it } from "vitest";

import { approxMeasure } from "./elements";
import { composeSvg, exportFrame, wrapWords } from "./exportDocument";
import { legendItems, legendLayout } from "./legend";

const elements: Elements = {
  nodes: [
    { data: { id: "vendor:paypal", label: "PayPal", kind: "vendor", transfer: "not-stated" } },
    { data: { id: "location:US", label: "United States", kind: "location", eea: false, transfer: "third-country" } },
  ],
  edges: [{ data: { id: "e", source: "vendor:paypal", target: "location:US", type: "LOCATED_IN" } }],
};

describe("legendItems", () => {
  it("lists the kinds present, the transfer marks in use (worst first) and the line styles in use", () => {
    expect(legendItems(elements).map((i) => i.label)).toEqual([
      "Vendor",
      "Country",
      "third country: needs a safeguard",
      "country not stated: unknown",
      "vendor's legal entity in",
    ]);
  });

  it("draws a reference as a reference, never as a flow, and says when an edge goes back", () => {
    const withRefs: Elements = {
      nodes: [
        { data: { id: "table:k/A", label: "A", kind: "table" } },
        { data: { id: "table:k/B", label: "B", kind: "table" } },
      ],
      edges: [
        { data: { id: "r", source: "table:k/A", target: "table:k/B", type: "REFERENCES" } },
        { data: { id: "c", source: "table:k/B", target: "table:k/A", type: "COPIED_TO", back: true } },
      ],
    };
    const labels = legendItems(withRefs).map((i) => i.label);
    expect(labels).toEqual(["Table", "data flows to / belongs to", "refers to (a reference, not a flow)", "into a node reached no later (not a further step)"]);
    const onlyRefs = legendItems({ ...withRefs, edges: [withRefs.edges[0]!] }).map((i) => i.label);
    expect(onlyRefs).toEqual(["Table", "refers to (a reference, not a flow)"]);
  });
});

describe("legendLayout", () => {
  it("wraps items into rows no wider than asked", () => {
    const items = legendItems(elements);
    const l = legendLayout(items, 200);
    expect(l.items.every((i) => i.x < 200)).toBe(true);
    expect(new Set(l.items.map((i) => i.y)).size).toBeGreaterThan(1);
  });
});

describe("composeSvg", () => {
  const graph = `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg xmlns="http://www.w3.org/2000/svg" width="900" height="400"><rect/></svg>`;
  const meta = { title: "Where data from COM_Customer goes", subtitle: "9 vendors", caption: "Data set: Kentico inventories · Exported 1 May 2026", legend: legendItems(elements) };

  it("wraps the graph with title, legend group and caption", () => {
    const svg = composeSvg(graph, meta);

    expect(svg.startsWith("<?xml")).toBe(true);
    expect(svg.match(/<\?xml/g)).toHaveLength(1);
    expect(svg).toContain('<g id="legend"');
    expect(svg).toContain(">third country: needs a safeguard</text>");
    expect(svg).toContain(">Where data from COM_Customer goes</text>");
    expect(svg).toContain("Data set: Kentico inventories");
    expect(svg).toContain('<g id="graph"');
  });

  it("escapes text", () => {
    expect(composeSvg(graph, { ...meta, title: "A & <B>" })).toContain("A &amp; &lt;B&gt;");
  });

  it("frames the graph below the title and above the legend and caption", () => {
    const f = exportFrame(900, 400, meta);
    expect(f.width).toBeGreaterThanOrEqual(900);
    expect(f.graph.y).toBeGreaterThan(f.title.y);
    expect(f.legend.y).toBeGreaterThanOrEqual(f.graph.y + 400);
    expect(f.caption.y).toBeGreaterThan(f.legend.y);
    expect(f.height).toBeGreaterThan(f.caption.y);
  });
});

describe("wrapWords", () => {
  it("wraps a long caption at spaces, the lines joined giving it back", () => {
    const caption = "Data set: Ambassify, Kentico, Kentico Cloud, Kontent.ai inventories · Exported 30 November 2026 at 15:27 UTC · Personal-data lineage explorer";
    const lines = wrapWords(caption, 400, 12, approxMeasure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => approxMeasure(l.trimEnd(), 12) <= 400)).toBe(true);
    expect(lines.join("")).toBe(caption);
  });
});
