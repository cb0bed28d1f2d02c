import type { TraceResponse } from "@contract/api";
import { describe, expect, it } from "vitest";

import { qualifyAmbiguousColumns, traceElements } from "./trace";

const trace: TraceResponse = {
  from: { id: "table:COM_Customer", kind: "table", label: "COM_Customer" },
  truncated: false,
  vendors: [
    {
      id: "vendor:paypal",
      name: "PayPal",
      countries: [],
      outsideEEA: false,
      categories: [{ id: "category:email-address", name: "Email address" }],
      fields: [{ id: "column:COM_Customer.CustomerEmail", table: "COM_Customer", column: "CustomerEmail", category: "Email address" }],
      systems: ["kentico"],
      services: [],
      purposes: [],
      retention: [],
    },
  ],
  elements: {
    nodes: [
      { data: { id: "table:COM_Customer", label: "COM_Customer", kind: "table" } },
      { data: { id: "column:COM_Customer.CustomerEmail", label: "CustomerEmail", kind: "column", title: "COM_Customer" } },
      { data: { id: "vendor:paypal", label: "PayPal", kind: "vendor" } },
    ],
    edges: [
      { data: { id: "h", source: "table:COM_Customer", target: "column:COM_Customer.CustomerEmail", type: "HAS_COLUMN" } },
      { data: { id: "s", source: "column:COM_Customer.CustomerEmail", target: "vendor:paypal", type: "SENT_TO" } },
    ],
  },
};

describe("traceElements", () => {
  it("routes each column → vendor flow through the column's data category", () => {
    const out = traceElements(trace, "categories");

    expect(out.nodes.map((n) => n.data.id)).toContain("category:email-address");
    expect(out.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`).sort()).toEqual([
      "category:email-address SENT_TO vendor:paypal",
      "column:COM_Customer.CustomerEmail OF_CATEGORY category:email-address",
      "table:COM_Customer HAS_COLUMN column:COM_Customer.CustomerEmail",
    ]);
  });

  it("keeps the API's exact column → vendor edges when asked", () => {
    expect(traceElements(trace, "columns")).toBe(trace.elements);
  });
});

describe("qualifyAmbiguousColumns", () => {
  it("prefixes a column label with its table only when two tables share it", () => {
    const out = qualifyAmbiguousColumns({
      nodes: [
        { data: { id: "column:A.City", label: "City", kind: "column", title: "A" } },
        { data: { id: "column:B.City", label: "City", kind: "column", title: "B" } },
        { data: { id: "column:B.Zip", label: "Zip", kind: "column", title: "B" } },
      ],
      edges: [],
    });
    expect(out.nodes.map((n) => n.data.label)).toEqual(["A.City", "B.City", "Zip"]);
  });
});
