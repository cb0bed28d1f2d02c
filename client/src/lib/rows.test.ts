import type { ReferencedByResponse, TableResponse, TraceResponse, VendorsResponse } from "@contract/api";
import { describe, expect, it } from "vitest";

import { countriesText, groupColumns, referencedByRows, toCsv, toText, traceRows, vendorListRows } from "./rows";

const refs: ReferencedByResponse = {
  table: "CMS_User",
  elements: { nodes: [], edges: [] },
  referencedBy: [
    { id: "table:OM_Contact", table: "OM_Contact", title: "Contacts", system: "kentico", columns: ["ContactOwnerUserID"], forms: ["incoming"], description: null },
    { id: "table:Blog_Comment", table: "Blog_Comment", title: "Blog comments", system: "kentico", columns: ["CommentUserID", "CommentApprovedByUserID"], forms: ["outgoing"], description: null },
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

const vendor = (name: string, outsideEEA: boolean): TraceResponse["vendors"][number] => ({
  id: `vendor:${name}`,
  name,
  outsideEEA,
  countries: outsideEEA
    ? [
        { code: "US", name: "United States", eea: false, role: "data" },
        { code: "US", name: "United States", eea: false, role: "entity" },
      ]
    : [],
  categories: [{ id: "category:email-address", name: "Email address" }],
  fields: [{ id: "column:T.E", table: "T", column: "E", category: "Email address" }],
  systems: ["kentico"],
  services: [],
  purposes: ["Payments"],
  retention: [],
});

describe("traceRows", () => {
  it("lists vendors outside the EEA first, then by name", () => {
    const set = traceRows({ from: { id: "table:T", kind: "table", label: "T" }, truncated: false, elements: { nodes: [], edges: [] }, vendors: [vendor("PayPal", false), vendor("Amplitude", false), vendor("Zendesk", true)] });
    expect(set.rows.map((r) => r.vendor)).toEqual(["Zendesk", "Amplitude", "PayPal"]);
    expect(set.rows[0]!.countries).toBe("United States (data + entity, outside EEA)");
  });
});

describe("vendorListRows", () => {
  it("lists vendors outside the EEA first, then by name, marking each country outside it", () => {
    const summary = (name: string, countries: VendorsResponse["vendors"][number]["countries"]) => ({
      id: `vendor:${name.toLowerCase()}`, name, legalNames: [], services: [], systems: ["ambassify"], countries, outsideEEA: countries.some((c) => !c.eea), fieldCount: 2,
    });
    const set = vendorListRows({
      vendors: [summary("Heroku", [{ code: "IE", name: "Ireland", eea: true }]), summary("Twilio", [{ code: "US", name: "United States", eea: false }]), summary("Auth0", [])],
    });

    expect(set.rows.map((r) => r.vendor)).toEqual(["Twilio", "Auth0", "Heroku"]);
    expect(set.rows[0]!.countries).toEqual(["United States (outside EEA)"]);
  });
});

describe("countriesText", () => {
  it("names each country once with its roles", () => {
    expect(countriesText([{ code: "IE", name: "Ireland", eea: true, role: "entity" }])).toBe("Ireland (entity)");
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
