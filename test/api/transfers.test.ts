import request from "supertest";
import { describe, expect, it } from "vitest";

import { CountriesResponseSchema, OverviewResponseSchema, RopaResponseSchema, TraceResponseSchema, TransfersResponseSchema } from "../../server/src/contract/api.js";
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
  });
});

/**
 * Kontent.ai's document gives the registered office of each vendor but not where it stores the data: Hotjar (Malta)
 * and Intercom (Ireland) have an EEA entity and unstated storage, Amplitude a US entity and unstated storage.
 */
describe("a flow's transfer status reads every country its data reaches, in every view", () => {
  const get = async (url: string, query: Record<string, string>) => {
    const res = await request(app).get(url).query(query);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res;
  };
  const EXPECTED = { "vendor:hotjar": "not-stated", "vendor:intercom": "not-stated", "vendor:amplitude": "third-country" } as const;

  it("the trace: an EEA entity with storage not stated is 'not-stated', a US entity 'third-country'; the country filter 'not-stated' keeps them", async () => {
    const t = TraceResponseSchema.parse((await get("/api/trace", { from: "table:kontent-ai/KontentAi_User" })).body);
    for (const [id, status] of Object.entries(EXPECTED)) expect(t.vendors.find((v) => v.id === id)?.transfer, id).toBe(status);
    expect(t.facets.countries.map((c) => c.value)).toContain("not-stated");
    const unknown = TraceResponseSchema.parse((await get("/api/trace", { from: "table:kontent-ai/KontentAi_User", country: "not-stated" })).body);
    expect(unknown.vendors.map((v) => v.id)).toEqual(expect.arrayContaining(Object.keys(EXPECTED)));
  });

  it("/api/transfers lists those flows with the same status", async () => {
    const { transfers } = TransfersResponseSchema.parse((await get("/api/transfers", {})).body);
    for (const [id, status] of Object.entries(EXPECTED)) expect(transfers.find((t) => t.system === "kontent-ai" && t.vendor.id === id)?.transfer, id).toBe(status);
  });

  it("Art. 30 records state them as transfers with the same status", async () => {
    const { rows } = RopaResponseSchema.parse(JSON.parse((await get("/api/reports/ropa", { system: "kontent-ai", format: "json" })).text));
    const listed = new Map(rows.flatMap((r) => r.transfers).map((t) => [t.vendor, t.transfer]));
    expect(listed.get("Hotjar")).toBe("not-stated");
    expect(listed.get("Intercom")).toBe("not-stated");
    expect(listed.get("Amplitude")).toBe("third-country");
  });

  it("the DPIA pack lists them among the transfers needing safeguards, saying the data's country is not stated", async () => {
    const html = (await get("/api/reports/dpia", { from: "table:kontent-ai/KontentAi_User", format: "html" })).text;
    const needing = html.slice(html.indexOf("<h2>Transfers needing safeguards</h2>"));
    const row = (vendor: string) => needing.match(new RegExp(`<tr><td>${vendor}</td>.*?</tr>`))?.[0] ?? "";
    expect(row("Hotjar")).toContain("Malta (entity)");
    expect(row("Hotjar")).toContain("data: country not stated");
    expect(row("Hotjar")).toContain(">country not stated</span></td>");
    expect(row("Intercom")).toContain(">country not stated</span></td>");
    expect(row("Amplitude")).toContain(">third country</span></td>");
  });

  it("the overview groups each system's own engagement by that status, by transfer and by country", async () => {
    const byTransfer = OverviewResponseSchema.parse((await get("/api/overview", { group: "transfer" })).body);
    const members = (o: typeof byTransfer, id: string) => o.elements.nodes.find((n) => n.data.id === id)?.data.group?.members ?? [];
    expect(members(byTransfer, "group:vendor/transfer/not-stated")).toEqual(expect.arrayContaining(["vendor:hotjar", "vendor:intercom"]));
    expect(members(byTransfer, "group:vendor/transfer/eea")).not.toContain("vendor:hotjar");
    const byCountry = OverviewResponseSchema.parse((await get("/api/overview", { group: "country" })).body);
    expect(members(byCountry, "group:vendor/country/not-stated")).toEqual(expect.arrayContaining(["vendor:hotjar", "vendor:intercom", "vendor:amplitude"]));
    expect(members(byCountry, "group:vendor/country/MT")).toContain("vendor:hotjar");
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
