import { describe, expect, it } from "vitest";

import { assembleTrace, tablesOnFlow } from "./trace.assemble.js";
import type { TraceRow } from "./trace.repository.js";

const table = (name: string) => ({ kind: "table", key: name, name, system: "shop" });
const column = (t: string, c: string) => ({ kind: "column", key: `${t}.${c}`, name: c, system: "shop", table: t, columnKind: "personal" });

/** Shop_Customer is copied to Shop_Order; only Shop_Order's Email is sent to PayPal; Shop_Log is reached but leads nowhere. */
const ROW: TraceRow = {
  start: table("Shop_Customer"),
  startEdges: [],
  tables: [table("Shop_Customer"), table("Shop_Order"), table("Shop_Log")],
  copies: [
    { source: "table:Shop_Customer", target: "table:Shop_Order", type: "COPIED_TO", via: null },
    { source: "table:Shop_Customer", target: "table:Shop_Log", type: "COPIED_TO", via: null },
  ],
  columnEdges: [{ source: "table:Shop_Order", target: "column:Shop_Order.Email", type: "HAS_COLUMN" }],
  sends: [
    {
      column: column("Shop_Order", "Email"),
      category: { kind: "category", key: "email-address", name: "Email address" },
      vendor: { kind: "vendor", key: "paypal", name: "PayPal" },
      system: "shop",
      service: "Checkout",
      purpose: "Payments",
      places: [
        { type: "LOCATED_IN", location: { kind: "location", key: "US", name: "United States", code: "US", eea: false } },
        { type: "STORES_DATA_IN", location: { kind: "location", key: "IE", name: "Ireland", code: "IE", eea: true } },
      ],
      retention: ["10 years"],
    },
  ],
};

describe("tablesOnFlow", () => {
  it("keeps the tables that lead to a column sent to a vendor, through copies", () => {
    expect([...tablesOnFlow(ROW)].sort()).toEqual(["table:Shop_Customer", "table:Shop_Order"]);
  });
});

describe("assembleTrace", () => {
  it("groups the flows by vendor with fields, categories, countries by role and retention", () => {
    const t = assembleTrace(ROW);

    expect(t.vendors).toEqual([
      {
        id: "vendor:paypal",
        name: "PayPal",
        countries: [
          { code: "US", name: "United States", eea: false, role: "entity" },
          { code: "IE", name: "Ireland", eea: true, role: "data" },
        ],
        outsideEEA: true,
        categories: [{ id: "category:email-address", name: "Email address" }],
        fields: [{ id: "column:Shop_Order.Email", table: "Shop_Order", column: "Email", category: "Email address", categoryId: "category:email-address" }],
        systems: ["shop"],
        services: ["Checkout"],
        purposes: ["Payments"],
        retention: ["10 years"],
      },
    ]);
  });

  it("draws only the tables on the way to a vendor, with the vendor marked outside the EEA", () => {
    const t = assembleTrace(ROW);

    expect(t.elements.nodes.map((n) => n.data.id)).toEqual([
      "table:Shop_Customer",
      "table:Shop_Order",
      "column:Shop_Order.Email",
      "vendor:paypal",
      "location:US",
      "location:IE",
    ]);
    expect(t.elements.nodes.find((n) => n.data.id === "vendor:paypal")?.data.eea).toBe(false);
    expect(t.elements.edges.map((e) => e.data.id)).toEqual([
      "table:Shop_Customer|COPIED_TO|table:Shop_Order",
      "table:Shop_Order|HAS_COLUMN|column:Shop_Order.Email",
      "column:Shop_Order.Email|SENT_TO|vendor:paypal",
      "vendor:paypal|LOCATED_IN|location:US",
      "vendor:paypal|STORES_DATA_IN|location:IE",
    ]);
    expect(t.truncated).toBe(false);
  });
});
