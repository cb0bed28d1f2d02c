import type { Elements } from "@contract/api";
import cytoscape, { type ElementDefinition } from "cytoscape";
import ELK from "elkjs/lib/elk.bundled.js";
import { describe, expect, it } from "vitest";

import { figureSvg } from "./figureSvg";
import { fromElkResult, toElkGraph, toPatch } from "./layout";
import { printModel } from "./printModel";
import { buildStylesheet } from "./stylesheet";

const elements: Elements = {
  nodes: [
    { data: { id: "table:CMS_User", label: "CMS_User", kind: "table" } },
    { data: { id: "column:CMS_User.Email", label: "CMS_User.Email", kind: "column", columnKind: "personal" } },
    { data: { id: "vendor:paypal", label: "PayPal <Europe> & Co", kind: "vendor", transfer: "third-country" } },
    { data: { id: "location:US", label: "United States", kind: "location", eea: false, transfer: "third-country" } },
    { data: { id: "location:IE", label: "Ireland", kind: "location", eea: true } },
  ],
  edges: [
    { data: { id: "a", source: "table:CMS_User", target: "column:CMS_User.Email", type: "HAS_COLUMN" } },
    { data: { id: "b", source: "column:CMS_User.Email", target: "vendor:paypal", type: "SENT_TO", label: "Email" } },
    { data: { id: "c", source: "vendor:paypal", target: "location:US", type: "LOCATED_IN" } },
    { data: { id: "d", source: "vendor:paypal", target: "location:IE", type: "STORES_DATA_IN" } },
  ],
};

async function drawn() {
  const model = printModel(elements, { edgeLabels: true });
  const layout = fromElkResult(await new ELK().layout(toElkGraph(model, { lanes: true, compact: true, sharedOutPorts: true })), model);
  const patch = toPatch(layout);
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: buildStylesheet({ nodeFontSize: 12, edgeFontSize: 11, minZoomedFontSize: 0 }),
    elements: [...model.nodes, ...model.edges].map((el) =>
      el.group === "nodes" ? { ...el, position: patch.positions[el.data.id]! } : { ...el, data: { ...el.data, ...patch.edges[el.data.id]?.data } },
    ) as unknown as ElementDefinition[],
  });
  return { model, layout, svg: figureSvg(cy, layout, (t, size) => t.length * size * 0.56) };
}

describe("figureSvg", () => {
  it("draws every node's shape and every line of its label as text, escaped", async () => {
    const { model, svg } = await drawn();
    const groups = [...svg.matchAll(/<g class="node" data-id="([^"]+)"[^>]*>(.*?)<\/g>/g)];
    expect(groups.map((g) => g[1]).sort()).toEqual(model.nodes.map((n) => n.data.id).sort());
    for (const [, id, body] of groups) {
      // The full name first where the label shortens it (a column drawn without its table's name), then the shape.
      expect(body, id).toMatch(/^(<title>[^<]+<\/title>)?<path d="M[^"]+"/);
      const full = model.nodes.find((n) => n.data.id === id)!.data.label;
      if (/<title>/.test(body!)) expect(body, id).toContain(`<title>${full.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</title>`);
      const lines = [...body!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
      const display = model.nodes.find((n) => n.data.id === id)!.data.display.split("\n");
      expect(lines).toEqual(display.map((l) => l.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")));
    }
    expect(svg).toContain("&lt;Europe&gt;");
    expect(svg).toContain("&amp; Co");
    expect(svg).not.toMatch(/NaN|undefined/);
  });

  it("keeps the country diamonds and marks a third country with the stylesheet's dashed vermillion border", async () => {
    const { svg } = await drawn();
    const us = /<g class="node" data-id="location:US"[^>]*><path d="M([^"]+)"[^>]*stroke="([^"]+)"[^>]*stroke-dasharray/.exec(svg);
    expect(us).not.toBeNull();
    expect(us![1]!.split("L")).toHaveLength(4);
    expect(us![2]!.toLowerCase()).toMatch(/#d55e00|rgb\(213,\s*94,\s*0\)/);
  });

  it("draws each edge along ELK's route with an arrowhead, and its label as text", async () => {
    const { svg } = await drawn();
    expect([...svg.matchAll(/<g class="edge" /g)]).toHaveLength(elements.edges.length);
    expect(svg).toMatch(/<g class="edge-label" data-id="b"[^>]*>.*<tspan[^>]*>Email<\/tspan>/);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
  });
});
