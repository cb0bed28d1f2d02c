import type { Elements } from "@contract/api";
import { describe, expect, it } from "vitest";

import { activeFilterCount, applyFilters, filterOptions, NO_FILTERS } from "./filters";

const trace: Elements = {
  nodes: [
    { data: { id: "table:T", label: "T", kind: "table", system: "kentico" } },
    { data: { id: "column:T.Email", label: "Email", kind: "column", system: "kentico", columnKind: "personal" } },
    { data: { id: "column:T.Id", label: "Id", kind: "column", system: "kentico", columnKind: "system" } },
    { data: { id: "category:email-address", label: "Email address", kind: "category" } },
    { data: { id: "vendor:paypal", label: "PayPal", kind: "vendor", transfer: "third-country" } },
    { data: { id: "vendor:smtp", label: "SMTP server", kind: "vendor", transfer: "not-stated" } },
    { data: { id: "column:T.Phone", label: "Phone", kind: "column", system: "kentico", columnKind: "personal" } },
    { data: { id: "location:US", label: "United States", kind: "location", eea: false, transfer: "third-country" } },
  ],
  edges: [
    { data: { id: "1", source: "table:T", target: "column:T.Email", type: "HAS_COLUMN" } },
    { data: { id: "2", source: "table:T", target: "column:T.Id", type: "HAS_COLUMN" } },
    { data: { id: "3", source: "column:T.Email", target: "category:email-address", type: "OF_CATEGORY" } },
    { data: { id: "4", source: "column:T.Email", target: "vendor:paypal", type: "SENT_TO" } },
    { data: { id: "5", source: "table:T", target: "column:T.Phone", type: "HAS_COLUMN" } },
    { data: { id: "6", source: "column:T.Phone", target: "vendor:smtp", type: "SENT_TO" } },
    { data: { id: "7", source: "vendor:paypal", target: "location:US", type: "STORES_DATA_IN" } },
  ],
};
const ids = (e: Elements) => e.nodes.map((n) => n.data.id).sort();

describe("applyFilters", () => {
  it("returns the answer untouched without filters", () => {
    expect(applyFilters(trace, NO_FILTERS)).toBe(trace);
  });

  it("hides system columns", () => {
    expect(ids(applyFilters(trace, { ...NO_FILTERS, hideSystemColumns: true }))).not.toContain("column:T.Id");
  });

  it("keeps only the chosen vendors, and drops the columns that led only to the others", () => {
    const out = applyFilters(trace, { ...NO_FILTERS, vendors: ["vendor:paypal"] });

    expect(ids(out)).toContain("vendor:paypal");
    expect(ids(out)).not.toContain("vendor:smtp");
    expect(ids(out)).not.toContain("column:T.Phone");
    expect(ids(out)).toContain("column:T.Email");
  });

  it("filters personal columns by category through their OF_CATEGORY edge", () => {
    const out = applyFilters(trace, { ...NO_FILTERS, categories: ["category:email-address"] });
    expect(ids(out)).toContain("column:T.Email");
    expect(ids(out)).not.toContain("column:T.Phone");
  });

  it("bridges over a hidden kind so flows stay connected", () => {
    const out = applyFilters(trace, { ...NO_FILTERS, hiddenKinds: ["column"] });
    const links = out.edges.map((e) => `${e.data.source}>${e.data.target}`);

    expect(ids(out)).not.toContain("column:T.Email");
    expect(links).toEqual(expect.arrayContaining(["table:T>vendor:paypal", "table:T>vendor:smtp", "table:T>category:email-address"]));
  });

  it("hides whole kinds but never the kept roots", () => {
    const out = applyFilters(trace, { ...NO_FILTERS, hiddenKinds: ["table", "location"] }, ["table:T"]);
    expect(ids(out)).toContain("table:T");
    expect(ids(out)).not.toContain("location:US");
  });

  it("never keeps a vendor whose country is unknown under a country filter; 'not stated' keeps only those", () => {
    const us = applyFilters(trace, { ...NO_FILTERS, countries: ["location:US"] });
    const unknown = applyFilters(trace, { ...NO_FILTERS, countries: ["not-stated"] });

    expect(ids(us)).toContain("vendor:paypal");
    expect(ids(us)).not.toContain("vendor:smtp");
    expect(ids(unknown)).toContain("vendor:smtp");
    expect(ids(unknown)).not.toContain("vendor:paypal");
  });

  it("filters vendors by the server's transfer status", () => {
    const out = applyFilters(trace, { ...NO_FILTERS, transfers: ["not-stated"] });
    expect(ids(out)).toContain("vendor:smtp");
    expect(ids(out)).not.toContain("vendor:paypal");
  });

  it("filters by system, keeping shared nodes that belong to none", () => {
    const out = applyFilters(trace, { ...NO_FILTERS, systems: ["ambassify"] });
    expect(ids(out)).not.toContain("table:T");
    expect(ids(out)).toEqual(["location:US", "vendor:paypal"]);
  });
});

describe("filterOptions", () => {
  it("offers only values present, with their transfer status, and 'country not stated' when a vendor has none", () => {
    const o = filterOptions(trace, new Map([["kentico", "Kentico"]]));

    expect(o.systems).toEqual([{ value: "kentico", label: "Kentico" }]);
    expect(o.vendors.map((v) => v.label)).toEqual(["PayPal", "SMTP server"]);
    expect(o.countries).toEqual([
      { value: "not-stated", label: "Country not stated", transfer: "not-stated" },
      { value: "location:US", label: "United States", transfer: "third-country" },
    ]);
    expect(o.transfers.map((t) => t.value)).toEqual(["third-country", "not-stated"]);
    expect(o.categories.map((c) => c.value)).toEqual(["category:email-address"]);
    expect(o.hasSystemColumns).toBe(true);
  });

  it("counts active filters", () => {
    expect(activeFilterCount({ ...NO_FILTERS, vendors: ["a", "b"], hideSystemColumns: true })).toBe(3);
  });
});
