import request from "supertest";
import { describe, expect, it } from "vitest";

import { CountriesResponseSchema, TransfersResponseSchema } from "../../server/src/contract/api.js";
import { testApp } from "../support/graph.js";

const app = testApp();

describe("GET /api/countries", () => {
  it("lists every ISO 3166-1 country with EEA membership and the adequacy decisions, as of a date", async () => {
    const res = await request(app).get("/api/countries");

    expect(res.status).toBe(200);
    const body = CountriesResponseSchema.parse(res.body);
    expect(body.countries).toHaveLength(249);
    expect(body.countries.filter((c) => c.eea)).toHaveLength(30);
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const by = new Map(body.countries.map((c) => [c.code, c]));
    expect(by.get("DE")).toMatchObject({ eea: true, adequacy: null, alpha3: "DEU" });
    expect(by.get("CH")?.adequacy?.decided).toBe("2000-07-26");
    expect(by.get("US")?.adequacy?.scope).toMatch(/Data Privacy Framework/);
    expect(by.get("CA")?.adequacy?.scope).toMatch(/commercial/i);
    expect(by.get("IN")?.adequacy).toBeNull();
    expect(by.get("AU")?.adequacy).toBeNull();
  });
});

describe("GET /api/transfers", () => {
  it("lists every flow to a third country or with no country stated, with its safeguard or 'not documented'", async () => {
    const res = await request(app).get("/api/transfers");

    expect(res.status).toBe(200);
    const { transfers } = TransfersResponseSchema.parse(res.body);
    expect(new Set(transfers.map((t) => t.transfer))).toEqual(new Set(["third-country", "not-stated"]));
    const paypal = transfers.find((t) => t.vendor.id === "vendor:paypal")!;
    expect(paypal).toMatchObject({ system: "kentico", transfer: "not-stated", mechanism: null, safeguard: "not documented", countries: [] });
    expect(paypal.categories.map((c) => c.name)).toEqual(expect.arrayContaining(["Email address"]));
    // Ambassify's Twilio flow: a US entity storing data in Germany, no mechanism documented.
    expect(transfers.find((t) => t.system === "ambassify" && t.vendor.id === "vendor:twilio")).toMatchObject({ transfer: "third-country", safeguard: "not documented" });
    // A flow inside the EEA is not listed (Intercom for Kontent.ai: Ireland).
    expect(transfers.some((t) => t.system === "kontent-ai" && t.vendor.id === "vendor:intercom")).toBe(false);
  });
});

describe("GET /api/transfers, in pages", () => {
  it("walks every flow needing a safeguard once, page by page", async () => {
    const whole = TransfersResponseSchema.parse((await request(app).get("/api/transfers")).body);
    expect(whole.page).toEqual({ limit: 1000, total: whole.transfers.length, next: null });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ReturnType<typeof TransfersResponseSchema.parse> = TransfersResponseSchema.parse((await request(app).get("/api/transfers").query({ limit: 5, ...(cursor ? { cursor } : {}) })).body);
      seen.push(...page.transfers.map((t) => t.flow));
      cursor = page.page.next;
    } while (cursor);
    expect(seen).toEqual(whole.transfers.map((t) => t.flow));
  });
});
