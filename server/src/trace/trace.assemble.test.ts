import { describe, expect, it } from "vitest";

import { assembleTrace, NO_TRACE_FILTERS, vendorNames } from "./trace.assemble.js";
import type { TraceRow, TraceSend } from "./trace.repository.js";

const column = (t: string, c: string, category: string | null) => ({ kind: "column", key: `shop/${t}.${c}`, name: c, system: "shop", table: t, columnKind: "personal", category });
const cat = (key: string, name: string) => ({ kind: "category", key, name });
const send = (col: ReturnType<typeof column>, vendor: string, transfer: TraceSend["flow"]["transfer"], places: TraceSend["places"]): TraceSend => ({
  column: col,
  category: col.category ? cat(col.category, col.category) : null,
  vendor: { kind: "vendor", key: vendor, name: vendor },
  flow: { flow: `shop/${vendor}`, system: "shop", service: null, purpose: "Payments", role: "third-party", retention: "10 years", mechanism: null, transfer, legalName: null, vendorName: vendor },
  places,
});
const US = { kind: "location", key: "US", name: "United States", code: "US", eea: false };

/**
 * Shop_Customer.Email is copied to Shop_Order.Email, which goes to PayPal (US, no mechanism); Shop_Customer.Phone
 * goes to Twilio (no country stated); Shop_Order.Email is also copied into Shop_Log.Email, which leads nowhere.
 */
const customerEmail = column("Shop_Customer", "Email", "email-address");
const customerPhone = column("Shop_Customer", "Phone", "phone-number");
const orderEmail = column("Shop_Order", "Email", "email-address");
const logEmail = column("Shop_Log", "Email", "email-address");
const ROW: TraceRow = {
  start: { kind: "table", key: "shop/Shop_Customer", name: "Shop_Customer", system: "shop" },
  startColumns: ["column:shop/Shop_Customer.Email", "column:shop/Shop_Customer.Phone"],
  startEdges: [
    { source: "table:shop/Shop_Customer", target: "column:shop/Shop_Customer.Email", type: "HAS_COLUMN" },
    { source: "table:shop/Shop_Customer", target: "column:shop/Shop_Customer.Phone", type: "HAS_COLUMN" },
  ],
  startTables: [],
  columns: [customerEmail, customerPhone, orderEmail, logEmail],
  copies: [
    { source: "column:shop/Shop_Customer.Email", target: "column:shop/Shop_Order.Email", via: "source:shop/checkout", viaName: "Checkout" },
    { source: "column:shop/Shop_Order.Email", target: "column:shop/Shop_Log.Email", via: "source:shop/log", viaName: "Logging" },
  ],
  sends: [
    send(orderEmail, "paypal", "third-country", [{ type: "LOCATED_IN", transfer: "third-country", location: US }]),
    send(customerPhone, "twilio", "not-stated", []),
  ],
};

describe("assembleTrace", () => {
  it("lists each vendor with its flow's transfer status and the evidence path that reaches it", () => {
    const t = assembleTrace(ROW);

    expect(t.vendors.map((v) => [v.id, v.transfer, v.mechanism])).toEqual([
      ["vendor:paypal", "third-country", null],
      ["vendor:twilio", "not-stated", null],
    ]);
    expect(t.vendors[0]!.fields[0]!.evidence).toEqual({
      nodes: ["table:shop/Shop_Customer", "column:shop/Shop_Customer.Email", "column:shop/Shop_Order.Email", "vendor:paypal"],
      edges: [
        "table:shop/Shop_Customer|HAS_COLUMN|column:shop/Shop_Customer.Email",
        "column:shop/Shop_Customer.Email|COPIED_TO|column:shop/Shop_Order.Email",
        "column:shop/Shop_Order.Email|SENT_TO|vendor:paypal",
      ],
      via: ["Checkout"],
    });
  });

  it("draws only edges on a path from the start to a listed vendor (the copy into Shop_Log leads nowhere)", () => {
    const t = assembleTrace(ROW);
    const edges = t.elements.edges.map((e) => e.data.id);

    expect(edges).not.toContain("column:shop/Shop_Order.Email|COPIED_TO|column:shop/Shop_Log.Email");
    expect(t.elements.nodes.map((n) => n.data.id)).not.toContain("column:shop/Shop_Log.Email");
    expect(t.elements.nodes.find((n) => n.data.id === "vendor:twilio")?.data.transfer).toBe("not-stated");
  });

  it("applies filters to the whole answer and keeps the unfiltered facets", () => {
    const t = assembleTrace(ROW, { ...NO_TRACE_FILTERS, vendors: ["vendor:twilio"] });

    expect(t.vendors.map((v) => v.id)).toEqual(["vendor:twilio"]);
    expect(t.totalVendors).toBe(2);
    expect(t.elements.nodes.map((n) => n.data.id)).not.toContain("column:shop/Shop_Order.Email");
    expect(t.facets.vendors.map((v) => v.value)).toEqual(["vendor:paypal", "vendor:twilio"]);
  });

  it("never keeps a flow whose country is unknown under a country filter; 'not-stated' keeps every flow that leaves out a place", () => {
    expect(assembleTrace(ROW, { ...NO_TRACE_FILTERS, countries: ["US"] }).vendors.map((v) => v.id)).toEqual(["vendor:paypal"]);
    // Twilio names no country; PayPal names its entity's (US) but not where it stores the data.
    expect(assembleTrace(ROW, { ...NO_TRACE_FILTERS, countries: ["not-stated"] }).vendors.map((v) => v.id)).toEqual(["vendor:paypal", "vendor:twilio"]);
    const stored = { ...ROW, sends: ROW.sends.map((x) => (x.vendor.key === "paypal" ? { ...x, places: [...x.places, { type: "STORES_DATA_IN" as const, transfer: "third-country" as const, location: US }] } : x)) };
    expect(assembleTrace(stored, { ...NO_TRACE_FILTERS, countries: ["not-stated"] }).vendors.map((v) => v.id)).toEqual(["vendor:twilio"]);
    expect(assembleTrace(ROW, { ...NO_TRACE_FILTERS, transfers: ["eea"] }).vendors).toEqual([]);
  });

  it("scopes the whole answer to a data set: only those systems' columns and flows, facets and counts included", () => {
    const crm = { ...column("Crm_Lead", "Email", "email-address"), key: "crm/Crm_Lead.Email", system: "crm" };
    const crmSend: TraceSend = { ...send(crm, "mailer", "eea", []), flow: { ...send(crm, "mailer", "eea", []).flow, flow: "crm/0", system: "crm" } };
    const row: TraceRow = { ...ROW, startColumns: [...ROW.startColumns, "column:crm/Crm_Lead.Email"], columns: [...ROW.columns, crm], sends: [...ROW.sends, crmSend] };

    const all = assembleTrace(row);
    const crmOnly = assembleTrace(row, { ...NO_TRACE_FILTERS, systems: ["crm"] });
    const shopOnly = assembleTrace(row, { ...NO_TRACE_FILTERS, systems: ["shop"] });

    expect(all.vendors.map((v) => v.id)).toEqual(["vendor:mailer", "vendor:paypal", "vendor:twilio"]);
    expect(crmOnly.vendors.map((v) => v.id)).toEqual(["vendor:mailer"]);
    expect(crmOnly.totalVendors).toBe(1);
    expect(crmOnly.facets.vendors.map((v) => v.value)).toEqual(["vendor:mailer"]);
    expect(crmOnly.elements.nodes.filter((n) => n.data.kind === "column").map((n) => n.data.id)).toEqual(["column:crm/Crm_Lead.Email"]);
    expect(shopOnly.vendors.map((v) => v.id)).toEqual(["vendor:paypal", "vendor:twilio"]);
    expect(shopOnly.elements.nodes.map((n) => n.data.id)).not.toContain("column:crm/Crm_Lead.Email");
  });

  it("names a vendor as its engagements do when every flow in the answer agrees, else by the vendor node", () => {
    const renamed = (s: TraceSend, vendorName: string | null): TraceSend => ({ ...s, flow: { ...s.flow, vendorName } });
    const [paypal, twilio] = ROW.sends as [TraceSend, TraceSend];
    const other = { ...renamed(paypal, "PayPal Europe"), flow: { ...paypal.flow, flow: "shop/other", vendorName: "PayPal Europe" } };

    expect(vendorNames([renamed(paypal, "PayPal Europe"), other])).toEqual(new Map([["vendor:paypal", "PayPal Europe"]]));
    expect(vendorNames([paypal, other, twilio])).toEqual(new Map([["vendor:paypal", "paypal"], ["vendor:twilio", "twilio"]]));
    const t = assembleTrace({ ...ROW, sends: [renamed(paypal, "PayPal Europe"), twilio] });
    expect(t.vendors.map((v) => v.name)).toEqual(["PayPal Europe", "twilio"]);
    expect(t.elements.nodes.find((n) => n.data.id === "vendor:paypal")?.data.label).toBe("PayPal Europe");
  });
});
