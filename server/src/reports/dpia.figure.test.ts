import { describe, expect, it } from "vitest";

import { dpiaFigure, KIND_COLOUR, PAGE_HEIGHT, ROWS_PER_FIGURE, STATUS_COLOUR } from "./dpia.figure.js";
import type { TraceResponse, TraceVendor } from "../contract/api.js";
import { TRANSFER_LOOK } from "../contract/look.js";

function vendor(name: string, fields: number, places: Omit<TraceVendor["countries"][number], "transfer">[] = []): TraceVendor {
  const countries = places.map((c) => ({ ...c, transfer: c.eea ? ("eea" as const) : ("third-country" as const) }));
  return {
    id: `vendor:${name.toLowerCase()}`,
    name,
    countries,
    transfer: countries.length ? "third-country" : "not-stated",
    mechanism: null,
    flows: [
      {
        id: `shop/${name}`,
        system: "shop",
        service: null,
        purpose: "Payments",
        role: "third-party",
        retention: null,
        legalName: null,
        mechanism: null,
        transfer: countries.length ? "third-country" : "not-stated",
        countries,
        fields: "stated",
        provenance: [],
      },
    ],
    categories: [],
    fields: Array.from({ length: fields }, (_, i) => ({
      id: `column:shop/T_${name}.C${i}`,
      system: "shop",
      table: `T_${name}`,
      column: `C${i}`,
      category: null,
      categoryId: null,
      evidence: { nodes: [], edges: [], via: [], provenance: [] },
    })),
    fieldCount: fields,
    systems: ["shop"],
    services: [],
    purposes: [],
    retention: [],
  };
}

function trace(vendors: TraceVendor[]): TraceResponse {
  return {
    from: { id: "system:shop", kind: "system", label: "Shop", system: "shop" },
    filters: { categories: [], vendors: [], countries: [], transfers: [], systems: [] },
    facets: { categories: [], vendors: [], countries: [], transfers: [] },
    totalVendors: vendors.length,
    vendorCount: vendors.length,
    vendors,
    systems: ["shop"],
    detail: "columns",
    expanded: [],
    elements: { nodes: [], edges: [] },
    truncated: false,
    omitted: { totalNodes: 0, shownNodes: 0, byKind: {} },
  };
}

/** The figure's SVG, every page of it. */
const svgOf = (t: TraceResponse) => dpiaFigure(t)!.pages.map((p) => p.svg).join("");

describe("dpiaFigure", () => {
  it("draws one figure with every field, vendor and country as real text, no label under 9 px", () => {
    const figure = dpiaFigure(trace([vendor("PayPal", 3, [{ code: "US", name: "United States", eea: false, role: "entity" }]), vendor("Twilio", 2)]))!;

    expect(figure.pages).toHaveLength(1);
    expect(figure.blocks).toEqual(["All flows"]);
    for (const label of ["Shop", "T_PayPal.C0", "T_Twilio.C1", "PayPal", "Twilio", "United States (US)", "Country not stated"]) expect(figure.pages[0]!.svg).toContain(`>${label}</text>`);
    const sizes = [...figure.pages[0]!.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });

  it("draws a large answer in one block per vendor, a vendor with more fields than a page holds in parts, over the pages it needs", () => {
    const figure = dpiaFigure(trace([vendor("Big", ROWS_PER_FIGURE + 5), vendor("Small", 4)]))!;

    expect(figure.blocks).toEqual(["Flows to Big (part 1 of 2)", "Flows to Big (part 2 of 2)", "Flows to Small"]);
    expect(figure.pages.length).toBeGreaterThan(1);
    // Every page at full size (700 units wide, never scaled), none taller than a page.
    for (const p of figure.pages) {
      expect(p.svg).toMatch(/^<svg[^>]* width="700"/);
      expect(Number(/ height="(\d+)"/.exec(p.svg)![1])).toBeLessThanOrEqual(PAGE_HEIGHT);
    }
    const pages = figure.pages.map((p) => p.svg);
    expect(pages.findIndex((p) => p.includes(`>T_Big.C${ROWS_PER_FIGURE + 4}</text>`))).toBeGreaterThan(0);
    // A block is on one page: its title and its last field together.
    expect(pages.findIndex((p) => p.includes(">Flows to Small</text>"))).toBe(pages.findIndex((p) => p.includes(">T_Small.C3</text>")));
  });

  it("wraps a long label between words and sizes its box to it, shortening only a piece that fits no line (full text in a <title>)", () => {
    const long = { ...vendor("Human translation services for every language", 1), fields: [{ ...vendor("X", 1).fields[0]!, table: "Ambassify_Manager", column: "Conversational data" }] };
    const svg = svgOf(trace([long]));

    expect(svg).toContain(">Human translation </tspan>");
    expect(svg).toMatch(/>Ambassify_Manager\.Conversational <\/tspan><tspan[^>]*>data<\/tspan>/);
    expect(svg).not.toContain("…");
    const one = svgOf(trace([{ ...vendor("Averyveryverylongvendornamewithoutanybreakinit", 1) }]));
    expect(one).toContain("<title>Averyveryverylongvendornamewithoutanybreakinit</title>");
    expect(one).toContain("…</text>");
  });

  it("points a vendor whose storage is not stated at 'Country not stated', and colours its country by the server's status of that place", () => {
    const hotjar = { ...vendor("Hotjar", 1, [{ code: "MT", name: "Malta", eea: true, role: "entity" }]), transfer: "not-stated" as const };
    const svg = svgOf(trace([hotjar]));

    expect(svg).toContain(">Country not stated</text>");
    expect(svg).toContain(`stroke="${STATUS_COLOUR["not-stated"]}" stroke-width="1.1" stroke-dasharray="4 3"`);
    expect(svg).toContain(`fill="${STATUS_COLOUR.eea}" font-weight="600">Malta (MT)</text>`);
    expect(svg).toContain(`fill="#fff4dc" stroke="${STATUS_COLOUR["not-stated"]}"`);
  });

  it("draws a vendor whose fields are not stated in a figure of its own in a large answer, never leaving it out", () => {
    const figure = dpiaFigure(trace([vendor("Big", ROWS_PER_FIGURE + 5), vendor("Heroku", 0, [{ code: "IE", name: "Ireland", eea: true, role: "data" }])]))!;

    expect(figure.blocks).toEqual(["Flows to Big (part 1 of 2)", "Flows to Big (part 2 of 2)", "Flows to Heroku"]);
    const last = figure.pages.at(-1)!.svg;
    expect(last).toContain(">Heroku</text>");
    expect(last).toContain(">Ireland (IE)</text>");
  });

  it("connects a vendor engaged without its fields named to the start through a dashed 'fields received: not stated' box", () => {
    const heroku = vendor("Heroku", 0, [{ code: "IE", name: "Ireland", eea: true, role: "data" }]);
    const silent = { ...heroku, flows: heroku.flows.map((f) => ({ ...f, fields: "not-stated" as const })) };
    const svg = svgOf(trace([vendor("PayPal", 1), silent]));

    expect(svg.match(/>fields received: not stated<\/text>/g)).toHaveLength(1);
    // Start → box and box → Heroku, both dashed: the engagement is stated, which field it carries is not.
    const dashed = (x: string) => x.match(/<path [^>]*stroke-dasharray="4 3"\/>/g)?.length ?? 0;
    const stated = svgOf(trace([vendor("PayPal", 1), heroku]));
    expect(dashed(svg) - dashed(stated)).toBe(2);
    expect(stated).not.toContain("fields received: not stated");
  });

  it("marks transfer statuses in the app's own colours (one palette for the screen, the exports and the pack)", () => {
    const svg = svgOf(trace([vendor("Twilio", 1, [{ code: "US", name: "United States", eea: false, role: "entity" }])]));

    expect(svg).toContain(`fill="#fff4dc" stroke="${TRANSFER_LOOK["third-country"].colour}"`);
    expect(Object.values(STATUS_COLOUR).sort()).toEqual(Object.values(TRANSFER_LOOK).map((l) => l.colour).sort());
  });

  it("draws nothing when no vendor is listed and the data goes into no other system of ours", () => {
    expect(dpiaFigure(trace([]))).toBeNull();
  });

  describe("systems of ours the data goes into (the trace's toSystems)", () => {
    const into = (target: string, loaded: boolean, columns: string[], transfer: "third-country" | "eea" | null = null): NonNullable<TraceResponse["toSystems"]>[number] => ({
      flow: `shop/to/${target}`,
      system: "shop",
      target,
      name: loaded ? target.toUpperCase() : target,
      label: `Flow into ${target}: ${loaded ? "tables not stated" : "system not loaded"}`,
      loaded,
      transfer,
      categories: ["email-address"],
      columns,
    });
    const withSystems = (vendors: TraceVendor[], toSystems: NonNullable<TraceResponse["toSystems"]>) => ({ ...trace(vendors), toSystems });

    it("draws each as a system node with the app's edge label over it, fields leading into it; one not loaded dashed and named so", () => {
      const t = withSystems([vendor("PayPal", 1)], [into("warehouse", false, ["column:shop/Orders.Email"]), into("crm", true, ["column:shop/Orders.Email", "column:shop/Orders.Name"], "third-country")]);
      const figure = dpiaFigure(t)!;
      const svg = figure.pages.map((p) => p.svg).join("");

      expect(figure.systems).toBe(true);
      expect(svg).toContain(">Vendors, our systems</text>");
      for (const l of ["Orders.Email", "Orders.Name", "CRM", "warehouse (not loaded)"]) expect(svg).toContain(`>${l}</text>`);
      // The edge labels, as the app's edges say them (wrapped to the lane).
      expect(svg.replace(/<\/tspan><tspan[^>]*>/g, "")).toContain("Flow into warehouse: system not loaded");
      expect(svg.replace(/<\/tspan><tspan[^>]*>/g, "")).toContain("Flow into crm: tables not stated");
      // Not loaded: a white, dashed box in the not-stated colour; loaded: the system fill, bordered in its flow's status.
      expect(svg).toContain(`fill="#ffffff" stroke="${STATUS_COLOUR["not-stated"]}" stroke-width="1.2" stroke-dasharray="4 2"`);
      expect(svg).toContain(`fill="${KIND_COLOUR.system}" stroke="${STATUS_COLOUR["third-country"]}" stroke-width="1.2"/>`);
      // Edges into the recipients' lane: the CRM's 2 solid in the third-country colour, the warehouse's 1 dashed (PayPal's is not-stated, solid).
      const edgesIn = (colour: string, dash: boolean) => svg.match(new RegExp(`<path d="M350,[\\d.]+ C[^"]* 375,[\\d.]+" fill="none" stroke="${colour}" stroke-width="1.1"${dash ? ' stroke-dasharray="4 3"' : ""}/>`, "g"))?.length ?? 0;
      expect(edgesIn(STATUS_COLOUR["third-country"], false)).toBe(2);
      expect(edgesIn(STATUS_COLOUR["not-stated"], true)).toBe(1);
      expect(edgesIn(STATUS_COLOUR["not-stated"], false)).toBe(1);
      // Every label still at least 9 px.
      expect(Math.min(...[...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1])))).toBeGreaterThanOrEqual(9);
    });

    it("draws a figure when the only flow goes into a system of ours, and a block per system in a large answer", () => {
      const only = dpiaFigure(withSystems([], [into("warehouse", false, ["column:shop/Orders.Email"])]))!;
      expect(only.blocks).toEqual(["All flows"]);
      expect(only.pages[0]!.svg).toContain(">Our systems</text>");

      const many = Array.from({ length: ROWS_PER_FIGURE + 2 }, (_, i) => `column:shop/Orders.C${i}`);
      const big = dpiaFigure(withSystems([vendor("PayPal", 2)], [into("warehouse", false, many)]))!;
      expect(big.blocks).toEqual(["Flows to PayPal", "Flows into warehouse (not loaded) (part 1 of 2)", "Flows into warehouse (not loaded) (part 2 of 2)"]);
      expect(big.pages.map((p) => p.svg).join("")).toContain(`>Orders.C${ROWS_PER_FIGURE + 1}</text>`);
    });
  });
});
