import type { TraceResponse } from "@contract/api";
import { FIELDS_NOT_STATED } from "@contract/words";
import { describe, expect, it } from "vitest";

import { COPIED_INTO, traceEvidenceRows, VENDOR_FLOW } from "./evidenceRows";
import { toCsv } from "./rows";

const flow = (id: string, fields: "stated" | "not-stated", service: string | null) => ({
  id, system: "ambassify", service, purpose: "Hosting", role: "sub-processor", retention: null, legalName: null, mechanism: null, transfer: "third-country" as const, countries: [], fields,
  provenance: [{ kind: "stated" as const, file: "shop.yaml", line: 90 }, ...(fields === "not-stated" ? [{ kind: "not-stated" as const, field: "receives" }] : [])],
});
const stated = (line: number, section?: string) => [{ kind: "stated" as const, file: "shop.yaml", line, document: "Shop data", ...(section ? { section } : {}) }];

const answer: TraceResponse = {
  from: { id: "table:shop/Shop_Customer", kind: "table", label: "Shop_Customer", system: "shop" },
  filters: { categories: [], vendors: [], countries: [], transfers: [], systems: [] },
  facets: { categories: [], vendors: [], countries: [], transfers: [] },
  totalVendors: 2, vendorCount: 2,
  vendors: [
    {
      id: "vendor:mailer", name: "Mailer", countries: [], transfer: "third-country", mechanism: null, flows: [flow("shop/0", "stated", null)], categories: [],
      fields: [
        {
          id: "column:shop/Shop_User.GivenName", system: "shop", table: "Shop_User", column: "GivenName", category: "Name", categoryId: "category:name",
          evidence: {
            nodes: ["table:shop/Shop_Customer", "table:shop/Shop_User", "column:shop/Shop_User.GivenName", "vendor:mailer"],
            edges: [],
            via: ["Sync (Name, columns not stated)"],
            provenance: [[{ kind: "inferred", rule: "same-category" }, ...stated(40)], [{ kind: "inferred", rule: "same-category" }, ...stated(22, "Users")], stated(95)],
          },
        },
        {
          id: "column:shop/Shop_Customer.Email", system: "shop", table: "Shop_Customer", column: "Email", category: "Email address", categoryId: "category:email-address",
          evidence: { nodes: ["table:shop/Shop_Customer", "column:shop/Shop_Customer.Email", "vendor:mailer"], edges: [], via: [], provenance: [stated(12, "Customers"), stated(96)] },
        },
      ],
      fieldCount: 2, systems: ["shop"], services: [], purposes: ["Hosting"], retention: [],
    },
    { id: "vendor:heroku", name: "Heroku", countries: [], transfer: "third-country", mechanism: null, flows: [flow("shop/1", "not-stated", "Heroku")], categories: [], fields: [], fieldCount: 0, systems: ["shop"], services: ["Heroku"], purposes: ["Hosting"], retention: [] },
  ],
  systems: ["shop"],
  detail: "columns",
  expanded: [],
  elements: { nodes: [], edges: [] },
  truncated: false,
  omitted: { totalNodes: 0, shownNodes: 0, byKind: {} },
  downstream: [
    {
      column: "column:shop/Shop_Log.Email", table: "Shop_Log", system: "shop", name: "Email", category: "Email address", categoryId: "category:email-address", mapping: "stated",
      evidence: {
        nodes: ["table:shop/Shop_Customer", "column:shop/Shop_Customer.Email", "column:shop/Shop_Log.Email"],
        edges: [],
        via: ["log_contacts"],
        provenance: [stated(12, "Customers"), [{ kind: "observed", job: "log_contacts", run: "0193a1f0-5b2c-7d4e-8f10-2a3b4c5d6e01", eventTime: "2026-11-30T02:14:09.512Z" }]],
      },
    },
  ],
};

describe("traceEvidenceRows", () => {
  it("gives one row per vendor and field with its path and copies, and a row for a flow whose fields are not stated", () => {
    const set = traceEvidenceRows(answer);

    expect(set.rows.filter((r) => r.flow === VENDOR_FLOW).map((r) => [r.vendor, r.field, r.path, r.copiedBy])).toEqual([
      ["Mailer", "Shop_User.GivenName", "Shop_Customer → Shop_User → Shop_User.GivenName → Mailer", "Sync (Name, columns not stated)"],
      ["Mailer", "Shop_Customer.Email", "Shop_Customer → Shop_Customer.Email → Mailer", ""],
      ["Heroku", FIELDS_NOT_STATED, "Shop_Customer → Heroku (Heroku)", ""],
    ]);
    expect(new Set(set.rows.map((r) => r.id)).size).toBe(4);
    expect(toCsv(set).split("\r\n")[0]).toBe("Flow,Vendor,Field,Data category,Evidence path,Copied by,Provenance (per step),Systems,Transfer,Safeguard");
  });

  it("adds a row per column our systems copy the data into, marked as not a vendor flow, each step cited (an observed copy by its job and run)", () => {
    const rows = traceEvidenceRows(answer).rows;
    const copied = rows.filter((r) => r.flow === COPIED_INTO);

    expect(rows.filter((r) => r.flow === VENDOR_FLOW)).toHaveLength(3);
    expect(copied.map((r) => [r.vendor, r.field, r.category, r.path, r.copiedBy, r.systems, r.transfer])).toEqual([
      ["", "Shop_Log.Email", "Email address", "Shop_Customer → Shop_Customer.Email → Shop_Log.Email", "log_contacts", "shop", ""],
    ]);
    expect(copied[0]!.steps[1]).toBe("Shop_Customer.Email → Shop_Log.Email: observed: job log_contacts, run 0193a1f0-5b2c-7d4e-8f10-2a3b4c5d6e01 at 2026-11-30T02:14:09.512Z");
  });

  it("cites each step of a path where it is stated, or the rule that infers it, and a flow's gap", () => {
    const [given, email, heroku] = traceEvidenceRows(answer).rows;

    expect(given!.steps).toEqual([
      "Shop_Customer → Shop_User: inferred (same-category); shop.yaml:40 · from 'Shop data'",
      "Shop_User → Shop_User.GivenName: inferred (same-category); shop.yaml:22 · from 'Shop data', Users",
      "Shop_User.GivenName → Mailer: shop.yaml:95 · from 'Shop data'",
    ]);
    expect(email!.provenance).toBe("Shop_Customer → Shop_Customer.Email: shop.yaml:12 · from 'Shop data', Customers | Shop_Customer.Email → Mailer: shop.yaml:96 · from 'Shop data'");
    expect(heroku!.steps).toEqual(["Shop_Customer → Heroku (Heroku): shop.yaml:90; receives: not stated"]);
  });
});
