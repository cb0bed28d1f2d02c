import { describe, expect, it } from "vitest";

import { dpiaFigures, ROWS_PER_FIGURE, STATUS_COLOUR } from "./dpia.figure.js";
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
    vendors,
    systems: ["shop"],
    detail: "columns",
    expanded: [],
    elements: { nodes: [], edges: [] },
    truncated: false,
    omitted: { totalNodes: 0, shownNodes: 0, byKind: {} },
  };
}

describe("dpiaFigures", () => {
  it("draws one figure with every field, vendor and country as real text, no label under 9 px", () => {
    const [figure, ...rest] = dpiaFigures(trace([vendor("PayPal", 3, [{ code: "US", name: "United States", eea: false, role: "entity" }]), vendor("Twilio", 2)]));

    expect(rest).toEqual([]);
    for (const label of ["Shop", "T_PayPal.C0", "T_Twilio.C1", "PayPal", "Twilio", "United States (US)", "Country not stated"]) expect(figure!.svg).toContain(`>${label}</text>`);
    const sizes = [...figure!.svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
  });

  it("splits a large answer into one figure per vendor, and a vendor with more fields than a page holds into parts", () => {
    const figures = dpiaFigures(trace([vendor("Big", ROWS_PER_FIGURE + 5), vendor("Small", 4)]));

    expect(figures.map((f) => f.title)).toEqual(["Flows to Big (part 1 of 2)", "Flows to Big (part 2 of 2)", "Flows to Small"]);
    expect(figures[1]!.svg).toContain(`>T_Big.C${ROWS_PER_FIGURE + 4}</text>`);
  });

  it("points a vendor whose storage is not stated at 'Country not stated', and colours its country by the server's status of that place", () => {
    const hotjar = { ...vendor("Hotjar", 1, [{ code: "MT", name: "Malta", eea: true, role: "entity" }]), transfer: "not-stated" as const };
    const svg = dpiaFigures(trace([hotjar]))[0]!.svg;

    expect(svg).toContain(">Country not stated</text>");
    expect(svg).toContain(`stroke="${STATUS_COLOUR["not-stated"]}" stroke-width="1.1" stroke-dasharray="4 3"`);
    expect(svg).toContain(`fill="${STATUS_COLOUR.eea}" font-weight="600">Malta (MT)</text>`);
    expect(svg).toContain(`fill="#fff4dc" stroke="${STATUS_COLOUR["not-stated"]}"`);
  });

  it("draws a vendor whose fields are not stated in a figure of its own in a large answer, never leaving it out", () => {
    const figures = dpiaFigures(trace([vendor("Big", ROWS_PER_FIGURE + 5), vendor("Heroku", 0, [{ code: "IE", name: "Ireland", eea: true, role: "data" }])]));

    expect(figures.map((f) => f.title)).toEqual(["Flows to Big (part 1 of 2)", "Flows to Big (part 2 of 2)", "Flows to Heroku"]);
    expect(figures[2]!.svg).toContain(">Heroku</text>");
    expect(figures[2]!.svg).toContain(">Ireland (IE)</text>");
  });

  it("marks transfer statuses in the app's own colours (one palette for the screen, the exports and the pack)", () => {
    const svg = dpiaFigures(trace([vendor("Twilio", 1, [{ code: "US", name: "United States", eea: false, role: "entity" }])]))[0]!.svg;

    expect(svg).toContain(`fill="#fff4dc" stroke="${TRANSFER_LOOK["third-country"].colour}"`);
    expect(Object.values(STATUS_COLOUR).sort()).toEqual(Object.values(TRANSFER_LOOK).map((l) => l.colour).sort());
  });

  it("draws nothing when no vendor is listed", () => {
    expect(dpiaFigures(trace([]))).toEqual([]);
  });
});
