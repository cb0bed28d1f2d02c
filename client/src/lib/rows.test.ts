import type { ReferencedByResponse, TableResponse, TraceResponse, TransferStatus, VendorsResponse } from "@contract/api";
import { describe, expect, it } from "vitest";

import { countriesText, groupColumns, referencedByRows, toCsv, toText, traceRows, vendorListRows } from "./rows";

const refs: ReferencedByResponse = {
  id: "table:kentico/CMS_User",
  table: "CMS_User",
  elements: { nodes: [], edges: [] },
  referencedBy: [
    { id: "table:kentico/OM_Contact", table: "OM_Contact", title: "Contacts", system: "kentico", columns: ["ContactOwnerUserID"], forms: ["incoming"], description: null },
    { id: "table:kentico/Blog_Comment", table: "Blog_Comment", title: "Blog comments", system: "kentico", columns: ["CommentUserID", "CommentApprovedByUserID"], forms: ["outgoing"], description: null },
  ],
};

describe("referencedByRows", () => {
  it("lists the referencing tables alphabetically with their columns sorted", () => {
    const set = referencedByRows(refs);
    expect(set.rows.map((r) => r.table)).toEqual(["Blog_Comment", "OM_Contact"]);
    expect(set.rows[0]!.columns).toEqual(["CommentApprovedByUserID", "CommentUserID"]);
  });
});

describe("toCsv / toText", () => {
  it("writes a header and quotes cells that need it, lists joined with '; '", () => {
    const csv = toCsv({ columns: [{ key: "a", header: "Name" }, { key: "b", header: "Columns" }], rows: [{ a: 'He said "hi", twice', b: ["X", "Y"] }] });
    expect(csv).toBe('Name,Columns\r\n"He said ""hi"", twice",X; Y');
  });

  it("copies one readable line per row", () => {
    const text = toText(referencedByRows(refs), "Referencing CMS_User");
    expect(text.split("\n")).toEqual([
      "Referencing CMS_User",
      "",
      "Blog_Comment — Columns: CommentApprovedByUserID; CommentUserID · System: kentico · Title: Blog comments",
      "OM_Contact — Columns: ContactOwnerUserID · System: kentico · Title: Contacts",
    ]);
  });
});

const vendor = (name: string, transfer: TransferStatus, country?: { code: string; name: string; eea: boolean }): TraceResponse["vendors"][number] => ({
  id: `vendor:${name}`,
  name,
  transfer,
  mechanism: null,
  countries: country ? [{ ...country, role: "data", transfer }, { ...country, role: "entity", transfer }] : [],
  flows: [
    {
      id: `kentico/${name}`,
      system: "kentico",
      service: null,
      purpose: "Payments",
      role: "third-party",
      retention: null,
      legalName: null,
      mechanism: null,
      transfer,
      countries: country ? [{ ...country, role: "data", transfer }, { ...country, role: "entity", transfer }] : [],
      fields: "stated",
      provenance: [],
    },
  ],
  categories: [{ id: "category:email-address", name: "Email address" }],
  fields: [{ id: "column:k/T.E", system: "k", table: "T", column: "E", category: "Email address", categoryId: "category:email-address", evidence: { nodes: [], edges: [], via: [], provenance: [] } }],
  fieldCount: 1,
  systems: ["kentico"],
  services: [],
  purposes: ["Payments"],
  retention: [],
});

const US = { code: "US", name: "United States", eea: false };
const answer = (vendors: TraceResponse["vendors"]): TraceResponse => ({
  from: { id: "table:k/T", kind: "table", label: "T", system: "k" },
  filters: { categories: [], vendors: [], countries: [], transfers: [], systems: [] },
  facets: { categories: [], vendors: [], countries: [], transfers: [] },
  totalVendors: vendors.length, vendorCount: vendors.length,
  systems: ["k"],
  truncated: false,
  omitted: { totalNodes: 0, shownNodes: 0, byKind: {} },
  detail: "columns",
  expanded: [],
  elements: { nodes: [], edges: [] },
  vendors,
});

describe("traceRows", () => {
  it("lists vendors by the server's transfer status, worst first, then by name; unknown countries say so", () => {
    const set = traceRows(answer([vendor("PayPal", "not-stated"), vendor("Amplitude", "eea", { code: "DE", name: "Germany", eea: true }), vendor("Zendesk", "third-country", US)]));

    expect(set.rows.map((r) => [r.vendor, r.transferText])).toEqual([
      ["Zendesk", "third country"],
      ["PayPal", "country not stated"],
      ["Amplitude", "EEA"],
    ]);
    expect(set.rows[0]!.countries).toBe("United States (data + entity, third country)");
    expect(set.rows[1]!.countries).toBe("country not stated");
    expect(set.rows[1]!.mechanism).toBe("not documented");
  });

  it("writes a CSV whose columns say the transfer status and safeguard, never an empty 'no'", () => {
    const csv = toCsv(traceRows(answer([vendor("PayPal", "not-stated")])));

    expect(csv.split("\r\n")[0]).toBe("Vendor,Transfer,Safeguard,Countries,Data categories,Fields,Systems,Services,Purposes,Retention");
    expect(csv.split("\r\n")[1]).toContain("PayPal,country not stated,not documented,country not stated,");
  });
});

describe("vendorListRows", () => {
  it("lists each system's engagement of a vendor, worst transfer first, then by name, with system names", () => {
    const summary = (name: string, transfer: TransferStatus, countries: VendorsResponse["vendors"][number]["countries"]) => ({
      id: `vendor:${name.toLowerCase()}`, name, legalNames: [], services: [], systems: ["ambassify"], countries, transfer, mechanism: null, fieldCount: 2,
      engagements: [{ system: "ambassify", transfer, mechanism: null, services: [], countries, fieldCount: 2 }],
    });
    const set = vendorListRows(
      {
        page: { limit: 1000, total: 3, next: null },
        vendors: [summary("Heroku", "eea", [{ code: "IE", name: "Ireland", eea: true }]), summary("Twilio", "third-country", [US]), summary("Auth0", "not-stated", [])],
      },
      new Map([["ambassify", "Ambassify"]]),
    );

    expect(set.rows.map((r) => r.vendor)).toEqual(["Twilio", "Auth0", "Heroku"]);
    expect(set.rows[0]!.countries).toEqual(["United States"]);
    expect(set.rows[1]!.countries).toEqual(["country not stated"]);
    expect(set.rows[0]!.system).toEqual("Ambassify");
  });

  it("gives a vendor two systems engage differently a row for each, with that system's own status (never the worst of both)", () => {
    const intercom = {
      id: "vendor:intercom", name: "Intercom", legalNames: [], services: [], systems: ["ambassify", "kontent-ai"], countries: [US], transfer: "third-country" as const, mechanism: null, fieldCount: 16,
      engagements: [
        { system: "ambassify", transfer: "third-country" as const, mechanism: null, services: ["Intercom"], countries: [US], fieldCount: 9 },
        { system: "kontent-ai", transfer: "not-stated" as const, mechanism: null, services: [], countries: [{ code: "IE", name: "Ireland", eea: true }], fieldCount: 7 },
      ],
    };
    const set = vendorListRows({ page: { limit: 1000, total: 1, next: null }, vendors: [intercom] });

    expect(set.rows.map((r) => [r.id, r.system, r.transfer, r.countries, r.fields])).toEqual([
      ["vendor:intercom@ambassify", "ambassify", "third-country", ["United States"], 9],
      ["vendor:intercom@kontent-ai", "kontent-ai", "not-stated", ["Ireland"], 7],
    ]);
  });
});

describe("countriesText", () => {
  it("names each country once with its roles and the flow's status for it", () => {
    expect(countriesText([{ code: "IE", name: "Ireland", eea: true, role: "entity", transfer: "eea" }])).toBe("Ireland (entity, EEA)");
  });
});

describe("groupColumns", () => {
  it("groups personal columns by category first, then references, then system columns", () => {
    const col = (name: string, kind: "personal" | "system" | "reference", category: string | null) => ({
      id: `column:T.${name}`,
      name,
      kind,
      category,
      categoryId: category ? `category:${category}` : null,
      categoryLabel: category,
      purposes: [],
      references: [],
      vendors: [],
      sources: [],
      description: null,
      purposeIds: [],
      vendorIds: [],
      sourceIds: [],
    });
    const t = {
      table: { id: "table:T", name: "T", title: null, system: "k", systemName: "K", entityKind: "table", description: null },
      columns: [col("Id", "system", null), col("UserID", "reference", null), col("Phone", "personal", "Phone number"), col("Email", "personal", "Email address"), col("Email2", "personal", "Email address")],
      sources: [],
      subjects: [],
    } as TableResponse;

    expect(groupColumns(t).map((g) => [g.title, g.columns.length])).toEqual([
      ["Email address", 2],
      ["Phone number", 1],
      ["References to other tables", 1],
      ["System columns (no personal data)", 1],
    ]);
  });
});
