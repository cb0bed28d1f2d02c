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
  at: ["shop.yaml:90"],
});
const stated = (line: number) => ({ kind: "stated", file: "shop.yaml", line });
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
    { source: "table:shop/Shop_Customer", target: "column:shop/Shop_Customer.Email", type: "HAS_COLUMN", at: ["shop.yaml:10"] },
    { source: "table:shop/Shop_Customer", target: "column:shop/Shop_Customer.Phone", type: "HAS_COLUMN", at: ["shop.yaml:11"] },
  ],
  startTables: [],
  columns: [customerEmail, customerPhone, orderEmail, logEmail],
  copies: [
    { source: "column:shop/Shop_Customer.Email", target: "column:shop/Shop_Order.Email", via: "source:shop/checkout", viaName: "Checkout", mapping: "stated", categoryName: "Email address", at: ["shop.yaml:40"] },
    { source: "column:shop/Shop_Order.Email", target: "column:shop/Shop_Log.Email", via: "source:shop/log", viaName: "Logging", mapping: "stated", categoryName: "Email address" },
  ],
  sends: [
    send(orderEmail, "paypal", "third-country", [{ type: "LOCATED_IN", transfer: "third-country", location: US }]),
    send(customerPhone, "twilio", "not-stated", []),
  ],
  silent: [],
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
      // Each step where the inventory states it: the column in its table, the stated copy, the flow to the vendor.
      provenance: [[stated(10)], [stated(40)], [stated(90)]],
    });
  });

  it("names, on each drawn column sent to a vendor, the data category its field has in the vendor list, whatever page lists it", () => {
    const t = assembleTrace(ROW, NO_TRACE_FILTERS, { detail: "columns", expand: [], page: { limit: 1, fields: 1, after: null } });
    const node = (id: string) => t.elements.nodes.find((n) => n.data.id === id)!.data;

    // Only PayPal is listed on this page; Twilio's column still names its category in the picture.
    expect(t.vendors.map((v) => v.id)).toEqual(["vendor:paypal"]);
    expect([node("column:shop/Shop_Order.Email"), node("column:shop/Shop_Customer.Phone")].map((d) => [d.categoryId, d.categoryName])).toEqual([
      ["category:email-address", "email-address"],
      ["category:phone-number", "phone-number"],
    ]);
    expect(t.vendors[0]!.fields.map((f) => [f.id, f.categoryId, f.category])).toEqual([["column:shop/Shop_Order.Email", "category:email-address", "email-address"]]);
    // A column that sends nothing itself (its data goes on through a copy) names none.
    expect(node("column:shop/Shop_Customer.Email").categoryId).toBeUndefined();
  });

  it("draws the copy into Shop_Log, where the data lands in our estate without reaching a vendor, and lists it as copied into", () => {
    const t = assembleTrace(ROW);
    const edges = t.elements.edges.map((e) => e.data.id);

    expect(edges).toContain("column:shop/Shop_Order.Email|COPIED_TO|column:shop/Shop_Log.Email");
    expect(t.elements.edges.find((e) => e.data.id === "column:shop/Shop_Order.Email|COPIED_TO|column:shop/Shop_Log.Email")?.data.back).toBeUndefined();
    expect(t.downstream!.map((d) => [d.column, d.mapping, d.category])).toEqual([
      ["column:shop/Shop_Log.Email", "stated", "email-address"],
      ["column:shop/Shop_Order.Email", "stated", "email-address"],
    ]);
    expect(t.downstream![0]!.evidence).toEqual({
      nodes: ["table:shop/Shop_Customer", "column:shop/Shop_Customer.Email", "column:shop/Shop_Order.Email", "column:shop/Shop_Log.Email"],
      edges: [
        "table:shop/Shop_Customer|HAS_COLUMN|column:shop/Shop_Customer.Email",
        "column:shop/Shop_Customer.Email|COPIED_TO|column:shop/Shop_Order.Email",
        "column:shop/Shop_Order.Email|COPIED_TO|column:shop/Shop_Log.Email",
      ],
      via: ["Checkout", "Logging"],
      // The logging copy states no line: it cites none, never one made up.
      provenance: [[stated(10)], [stated(40)], []],
    });
    expect(t.elements.nodes.find((n) => n.data.id === "vendor:twilio")?.data.transfer).toBe("not-stated");
  });

  it("draws only edges on a path from the start to a listed vendor or a column the data is copied into (a copy out of a column the data never reaches is not drawn)", () => {
    const elsewhere = column("Shop_Archive", "Email", "email-address");
    const row: TraceRow = {
      ...ROW,
      columns: [...ROW.columns, elsewhere],
      copies: [...ROW.copies, { source: "column:shop/Shop_Archive.Email", target: "column:shop/Shop_Log.Email", via: "source:shop/archive", viaName: "Archive", mapping: "stated", categoryName: "Email address" }],
    };

    const t = assembleTrace(row);

    expect(t.elements.nodes.map((n) => n.data.id)).not.toContain("column:shop/Shop_Archive.Email");
    expect(t.downstream!.map((d) => d.column)).not.toContain("column:shop/Shop_Archive.Email");
  });

  it("keeps, under a vendor filter, only the columns copied into on the paths to the kept flows; under a category filter, the columns of that category", () => {
    const paypal = assembleTrace(ROW, { ...NO_TRACE_FILTERS, vendors: ["vendor:paypal"] });
    const twilio = assembleTrace(ROW, { ...NO_TRACE_FILTERS, vendors: ["vendor:twilio"] });
    const phones = assembleTrace(ROW, { ...NO_TRACE_FILTERS, categories: ["category:phone-number"] });
    const emails = assembleTrace(ROW, { ...NO_TRACE_FILTERS, categories: ["category:email-address"] });

    expect(paypal.downstream!.map((d) => d.column)).toEqual(["column:shop/Shop_Order.Email"]);
    expect(paypal.elements.nodes.map((n) => n.data.id)).not.toContain("column:shop/Shop_Log.Email");
    expect(twilio.downstream).toEqual([]);
    expect(phones.downstream).toEqual([]);
    expect(emails.downstream!.map((d) => d.column)).toEqual(["column:shop/Shop_Log.Email", "column:shop/Shop_Order.Email"]);
    expect(emails.elements.nodes.map((n) => n.data.id)).toContain("column:shop/Shop_Log.Email");
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

/**
 * A copy whose column mappings the inventory does not state: "Sync" copies Shop_Customer into Shop_User (email and two
 * name columns each side) and back. Shop_User.GivenName goes to Mailer, Shop_Customer.Email to PayPal.
 */
describe("assembleTrace, copies without stated mappings", () => {
  const cEmail = column("Shop_Customer", "Email", "email-address");
  const cFirst = column("Shop_Customer", "FirstName", "name");
  const cLast = column("Shop_Customer", "LastName", "name");
  const uEmail = column("Shop_User", "Email", "email-address");
  const uGiven = { ...column("Shop_User", "GivenName", "name"), at: ["shop.yaml:22"] };
  const uFamily = column("Shop_User", "FamilyName", "name");
  const id = (c: ReturnType<typeof column>) => `column:${c.key}`;
  const copy = (a: ReturnType<typeof column>, b: ReturnType<typeof column>, via = "sync") => ({
    source: id(a),
    target: id(b),
    via: `source:shop/${via}`,
    viaName: "Sync",
    mapping: "category" as const,
    categoryName: a.category === "name" ? "Name" : "Email address",
    at: ["shop.yaml:60"],
  });
  const copies = [copy(cEmail, uEmail), copy(cFirst, uGiven), copy(cFirst, uFamily), copy(cLast, uGiven), copy(cLast, uFamily), copy(uEmail, cEmail, "back"), copy(uGiven, cFirst, "back")];
  const fromCustomer: TraceRow = {
    start: { kind: "table", key: "shop/Shop_Customer", name: "Shop_Customer", system: "shop" },
    startColumns: [id(cEmail), id(cFirst), id(cLast)],
    startEdges: [cEmail, cFirst, cLast].map((c) => ({ source: "table:shop/Shop_Customer", target: id(c), type: "HAS_COLUMN" })),
    startTables: [],
    columns: [cEmail, cFirst, cLast, uEmail, uGiven, uFamily],
    copies,
    sends: [send(uGiven, "mailer", "eea", []), send(cEmail, "paypal", "not-stated", [])],
    silent: [],
  };
  const fromUserEmail: TraceRow = { ...fromCustomer, start: { ...uEmail, system: "shop" }, startColumns: [id(uEmail)], startEdges: [] };
  const allEvidence = (t: ReturnType<typeof assembleTrace>) => t.vendors.flatMap((v) => v.fields.map((f) => f.evidence));

  it("draws no pair of columns the inventory does not map: one table → table edge per category, saying the columns are not stated", () => {
    const t = assembleTrace(fromCustomer);

    const copiesDrawn = t.elements.edges.filter((e) => e.data.type === "COPIED_TO");
    expect(copiesDrawn.some((e) => e.data.source.startsWith("column:") || e.data.target.startsWith("column:"))).toBe(false);
    const forward = copiesDrawn.filter((e) => e.data.source === "table:shop/Shop_Customer" && e.data.target === "table:shop/Shop_User");
    expect(forward.map((e) => e.data.label).sort()).toEqual(["Email address: columns not stated", "Name: columns not stated"]);
    expect(new Set(forward.map((e) => e.data.id)).size).toBe(2);
    expect(t.elements.edges.map((e) => e.data.id)).toContain("table:shop/Shop_User|HAS_COLUMN|column:shop/Shop_User.GivenName");
  });

  it("gives evidence through the tables, naming the copy and that its columns are not stated", () => {
    const mailer = assembleTrace(fromCustomer).vendors.find((v) => v.id === "vendor:mailer")!;

    expect(mailer.fields.map((f) => f.evidence)).toEqual([
      {
        nodes: ["table:shop/Shop_Customer", "table:shop/Shop_User", "column:shop/Shop_User.GivenName", "vendor:mailer"],
        edges: ["table:shop/Shop_Customer|COPIED_TO|table:shop/Shop_User", "table:shop/Shop_User|HAS_COLUMN|column:shop/Shop_User.GivenName", "column:shop/Shop_User.GivenName|SENT_TO|vendor:mailer"],
        via: ["Sync (Name, columns not stated)"],
        // The copy is stated by its source; which columns it lands in is inferred by category, each column stated.
        provenance: [[{ kind: "inferred", rule: "same-category" }, stated(60)], [{ kind: "inferred", rule: "same-category" }, stated(22)], [stated(90)]],
      },
    ]);
  });

  it("lists the columns a category-scoped copy lands in as copied into, category-scoped, their landing inferred", () => {
    const t = assembleTrace(fromCustomer);

    expect(t.downstream!.map((d) => [d.column, d.mapping])).toEqual([
      ["column:shop/Shop_User.Email", "category-scoped"],
      ["column:shop/Shop_User.FamilyName", "category-scoped"],
      ["column:shop/Shop_User.GivenName", "category-scoped"],
    ]);
    expect(t.downstream!.find((d) => d.name === "FamilyName")!.evidence).toEqual({
      nodes: ["table:shop/Shop_Customer", "table:shop/Shop_User", "column:shop/Shop_User.FamilyName"],
      edges: ["table:shop/Shop_Customer|COPIED_TO|table:shop/Shop_User", "table:shop/Shop_User|HAS_COLUMN|column:shop/Shop_User.FamilyName"],
      via: ["Sync (Name, columns not stated)"],
      provenance: [[{ kind: "inferred", rule: "same-category" }, stated(60)], [{ kind: "inferred", rule: "same-category" }]],
    });
    // Drawn as the table's column, never as a pair of columns the inventory does not map.
    expect(t.elements.edges.map((e) => e.data.id)).toContain("table:shop/Shop_User|HAS_COLUMN|column:shop/Shop_User.FamilyName");
    expect(t.elements.edges.filter((e) => e.data.type === "COPIED_TO").some((e) => e.data.target.startsWith("column:"))).toBe(false);
  });

  it("repeats no node within an evidence path, from a table or from one of its columns", () => {
    for (const row of [fromCustomer, fromUserEmail]) {
      const evidence = allEvidence(assembleTrace(row));
      expect(evidence.length).toBeGreaterThan(0);
      for (const e of evidence) {
        expect(new Set(e.nodes).size, e.nodes.join(" → ")).toBe(e.nodes.length);
        expect(e.edges).toHaveLength(e.nodes.length - 1);
      }
    }
    const paypal = assembleTrace(fromUserEmail).vendors.find((v) => v.id === "vendor:paypal")!;
    expect(paypal.fields[0]!.evidence.nodes).toEqual(["column:shop/Shop_User.Email", "table:shop/Shop_User", "table:shop/Shop_Customer", "column:shop/Shop_Customer.Email", "vendor:paypal"]);
  });

  it("marks an edge that goes back to a node the trace reached earlier (the copy back into the start table)", () => {
    const t = assembleTrace(fromCustomer);
    const edge = (source: string, target: string) => t.elements.edges.filter((e) => e.data.type === "COPIED_TO" && e.data.source === source && e.data.target === target);

    // Shop_User's email comes back into Shop_Customer, whose email goes to PayPal: drawn, and marked as going back.
    const back = edge("table:shop/Shop_User", "table:shop/Shop_Customer");
    expect(back.map((e) => [e.data.label, e.data.back]).sort()).toEqual([
      ["Email address: columns not stated", true],
      ["Name: columns not stated", true],
    ]);
    expect(edge("table:shop/Shop_Customer", "table:shop/Shop_User").every((e) => e.data.back === undefined)).toBe(true);
  });
});
