import request from "supertest";
import { describe, expect, it } from "vitest";

import {
  OverviewResponseSchema,
  SearchResponseSchema,
  TablesResponseSchema,
  TraceResponseSchema,
  VendorsResponseSchema,
} from "../../server/src/contract/api.js";
import { testApp } from "../support/graph.js";

const app = testApp();

async function get(path: string, query: Record<string, string>) {
  const res = await request(app).get(path).query(query);
  expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  return res.body as unknown;
}

describe("?systems=… scopes an answer to a data set", () => {
  it("GET /api/overview draws only those systems, their vendors and where those vendors hold their data for them", async () => {
    const all = OverviewResponseSchema.parse(await get("/api/overview", {}));
    const o = OverviewResponseSchema.parse(await get("/api/overview", { systems: "ambassify" }));

    expect(o.systems.map((s) => s.id)).toEqual(["system:ambassify"]);
    expect(o.vendors.every((v) => v.systems.length === 1 && v.systems[0] === "ambassify")).toBe(true);
    expect(o.vendors.map((v) => v.id)).toContain("vendor:twilio");
    expect(o.vendors.map((v) => v.id)).not.toContain("vendor:paypal");
    expect(o.elements.nodes.filter((n) => n.data.kind === "system").map((n) => n.data.id)).toEqual(["system:ambassify"]);
    expect(all.systems.length).toBeGreaterThan(1);
    const two = OverviewResponseSchema.parse(await get("/api/overview", { systems: "kentico,ambassify" }));
    expect(two.systems.map((s) => s.id).sort()).toEqual(["system:ambassify", "system:kentico"]);
  });

  it("GET /api/search finds a Kentico table in the whole data set and nothing of it within Ambassify", async () => {
    const everywhere = SearchResponseSchema.parse(await get("/api/search", { q: "CMS_User" }));
    const ambassify = SearchResponseSchema.parse(await get("/api/search", { q: "CMS_User", systems: "ambassify" }));
    const twilio = SearchResponseSchema.parse(await get("/api/search", { q: "twilio", systems: "ambassify" }));
    const paypal = SearchResponseSchema.parse(await get("/api/search", { q: "paypal", systems: "ambassify" }));

    expect(everywhere.results.map((r) => r.id)).toContain("table:kentico/CMS_User");
    expect(ambassify.results).toEqual([]);
    expect(twilio.results.map((r) => r.id)).toContain("vendor:twilio");
    expect(paypal.results).toEqual([]);
  });

  it("GET /api/vendors lists only the vendors those systems use, with only their flows", async () => {
    const { vendors } = VendorsResponseSchema.parse(await get("/api/vendors", { systems: "ambassify" }));
    const intercom = vendors.find((v) => v.id === "vendor:intercom");

    expect(vendors.map((v) => v.id)).not.toContain("vendor:paypal");
    expect(vendors.every((v) => v.systems.length === 1 && v.systems[0] === "ambassify")).toBe(true);
    expect(intercom?.legalNames).toEqual(["Intercom, Inc."]);
  });

  it("GET /api/tables keeps ?system= and takes a list", async () => {
    const one = TablesResponseSchema.parse(await get("/api/tables", { system: "ambassify" }));
    const list = TablesResponseSchema.parse(await get("/api/tables", { systems: "ambassify,kontent-ai" }));

    expect(new Set(one.tables.map((t) => t.system))).toEqual(new Set(["ambassify"]));
    expect(new Set(list.tables.map((t) => t.system))).toEqual(new Set(["ambassify", "kontent-ai"]));
  });

  it("GET /api/trace keeps only those systems' flows and columns, and its vendors, elements and counts agree", async () => {
    const all = TraceResponseSchema.parse(await get("/api/trace", { from: "category:name" }));
    const t = TraceResponseSchema.parse(await get("/api/trace", { from: "category:name", systems: "ambassify" }));

    expect(new Set(all.systems).size).toBeGreaterThan(1);
    expect(t.filters.systems).toEqual(["ambassify"]);
    expect(t.vendors.length).toBeGreaterThan(0);
    expect(t.vendors.flatMap((v) => v.flows.map((f) => f.system)).every((s) => s === "ambassify")).toBe(true);
    expect(t.vendors.flatMap((v) => v.fields.map((f) => f.system)).every((s) => s === "ambassify")).toBe(true);
    expect(t.totalVendors).toBe(t.vendors.length);
    expect(t.facets.vendors.map((v) => v.value)).toEqual(expect.arrayContaining(t.vendors.map((v) => v.id)));
    expect(t.facets.vendors).toHaveLength(t.vendors.length);
    const drawnColumns = t.elements.nodes.filter((n) => n.data.kind === "column");
    expect(drawnColumns.length).toBeGreaterThan(0);
    expect(drawnColumns.every((n) => n.data.system === "ambassify")).toBe(true);
    expect(t.elements.nodes.filter((n) => n.data.kind === "vendor").map((n) => n.data.id).sort()).toEqual(t.vendors.map((v) => v.id).sort());
    expect(t.systems).toEqual(["ambassify"]);
  });

  it("answers 400 naming the field for a system id that is not a slug", async () => {
    const res = await request(app).get("/api/overview").query({ systems: "ambassify,Not A Slug" });

    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/systems/);
    expect(JSON.stringify(res.body.error)).toMatch(/Not A Slug/);
  });
});
