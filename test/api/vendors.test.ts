import request from "supertest";
import { describe, expect, it } from "vitest";

import { VendorResponseSchema, VendorsResponseSchema } from "../../server/src/contract/api.js";
import { testApp } from "../support/graph.js";

const app = testApp();

describe("GET /api/vendors", () => {
  it("lists every vendor with the systems using it and where it sits or stores data", async () => {
    const res = await request(app).get("/api/vendors");

    expect(res.status).toBe(200);
    const { vendors } = VendorsResponseSchema.parse(res.body);
    expect(vendors.map((v) => v.name)).toEqual(expect.arrayContaining(["PayPal", "Authorize.Net", "Intercom", "Microsoft"]));
    expect(vendors.find((v) => v.id === "vendor:paypal")).toMatchObject({ systems: ["kentico"], countries: [], transfer: "not-stated", mechanism: null, fieldCount: 16 });
    expect(vendors.find((v) => v.id === "vendor:intercom")).toMatchObject({
      systems: ["ambassify", "kentico-cloud", "kontent-ai"],
      countries: [
        { code: "IE", name: "Ireland", eea: true },
        { code: "US", name: "United States", eea: false },
      ],
      transfer: "third-country",
    });
  });

  it("gives each system's own engagement of a vendor its own status, countries and fields (Intercom)", async () => {
    const { vendors } = VendorsResponseSchema.parse((await request(app).get("/api/vendors")).body);
    const intercom = vendors.find((v) => v.id === "vendor:intercom")!;
    const detail = VendorResponseSchema.parse((await request(app).get("/api/vendors/vendor%3Aintercom")).body);

    expect(intercom.engagements.map((e) => [e.system, e.transfer, e.countries.map((c) => c.code)])).toEqual([
      ["ambassify", "third-country", ["US"]],
      ["kentico-cloud", "not-stated", []],
      ["kontent-ai", "not-stated", ["IE"]],
    ]);
    // Each engagement's fields are those its own flows receive, as the vendor's page lists them.
    for (const e of intercom.engagements) {
      const received = new Set(detail.flows.filter((f) => f.system === e.system).flatMap((f) => f.receives.map((r) => r.id)));
      expect(e.fieldCount, e.system).toBe(received.size);
    }
    expect(detail.vendor.engagements).toEqual(intercom.engagements);
    expect(intercom.engagements.reduce((n, e) => n + e.fieldCount, 0)).toBe(intercom.fieldCount);
  });
});

describe("GET /api/vendors/:id", () => {
  it("keeps each system's contracting entity and registered office on that system's flows", async () => {
    const res = await request(app).get("/api/vendors/salesforce");

    const { vendor, flows } = VendorResponseSchema.parse(res.body);
    const pardot = flows.find((f) => f.system === "kontent-ai");
    expect(pardot).toMatchObject({ service: "Pardot", legalName: "Salesforce Pardot" });
    expect(pardot?.address).toMatch(/San Francisco/);
    expect(flows.filter((f) => f.system === "kentico").every((f) => f.legalName === null && f.address === null)).toBe(true);
    expect(vendor.address).toBe(pardot?.address);
  });

  it("says what PayPal receives, from which system and field, and why", async () => {
    const res = await request(app).get("/api/vendors/paypal");

    expect(res.status).toBe(200);
    const body = VendorResponseSchema.parse(res.body);
    expect(body.vendor).toMatchObject({ id: "vendor:paypal", name: "PayPal", address: null });
    expect(body.flows).toHaveLength(1);
    expect(body.flows[0]).toMatchObject({
      system: "kentico",
      systemName: "Kentico",
      service: "PayPal payment gateway",
      role: "third-party",
      purpose: "Payment transactions (default payment gateway)",
      entityCountry: null,
      dataCountries: [],
    });
    expect(body.flows[0]?.receives).toContainEqual({ id: "column:kentico/COM_Customer.CustomerEmail", table: "COM_Customer", column: "CustomerEmail", category: "Email address" });
    expect(body.flows[0]?.receives).toHaveLength(16);
    const edges = body.elements.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`);
    expect(edges).toContain("column:kentico/COM_Customer.CustomerEmail SENT_TO vendor:paypal");
    expect(edges).toContain("table:kentico/COM_Customer HAS_COLUMN column:kentico/COM_Customer.CustomerEmail");
  });

  it("gives each flow of a shared vendor its own system, countries and retention", async () => {
    const res = await request(app).get("/api/vendors/vendor%3Aintercom");

    const body = VendorResponseSchema.parse(res.body);
    const bySystem = new Map(body.flows.map((f) => [f.system, f]));
    expect(bySystem.get("kontent-ai")).toMatchObject({ entityCountry: { code: "IE", name: "Ireland", eea: true }, dataCountries: [], retention: null });
    expect(bySystem.get("ambassify")).toMatchObject({
      service: "Intercom",
      role: "sub-processor",
      entityCountry: { code: "US", name: "United States", eea: false },
      dataCountries: [{ code: "US", name: "United States", eea: false }],
      retention: "contract",
    });
    expect(bySystem.get("kontent-ai")?.receives.map((f) => f.column)).toContain("Phone number");
  });

  it("lists what a vendor sends back", async () => {
    const res = await request(app).get("/api/vendors/auth0");

    const body = VendorResponseSchema.parse(res.body);
    const kontent = body.flows.find((f) => f.system === "kontent-ai");
    expect(kontent?.sendsBack).toEqual([{ id: "column:kontent-ai/KontentAi_User.Email address", table: "KontentAi_User", column: "Email address", category: "Email address" }]);
  });

  it("answers 404 for an unknown vendor and 400 naming the field for another kind of id", async () => {
    const missing = await request(app).get("/api/vendors/nobody");
    const wrongKind = await request(app).get("/api/vendors/table%3ACMS_User");

    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "NOT_FOUND", message: "No vendor with id 'vendor:nobody'." });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.details).toEqual([{ field: "id", message: expect.stringMatching(/vendor/) }]);
  });
});

describe("GET /api/vendors, in pages", () => {
  it("walks every vendor once, by name, page by page, each page saying how many there are in all", async () => {
    const whole = VendorsResponseSchema.parse((await request(app).get("/api/vendors")).body);
    expect(whole.page.next).toBeNull();
    expect(whole.page.total).toBe(whole.vendors.length);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: ReturnType<typeof VendorsResponseSchema.parse> = VendorsResponseSchema.parse((await request(app).get("/api/vendors").query({ limit: 7, ...(cursor ? { cursor } : {}) })).body);
      expect(page.page.total).toBe(whole.vendors.length);
      seen.push(...page.vendors.map((v) => v.id));
      cursor = page.page.next;
    } while (cursor);
    expect(seen).toEqual(whole.vendors.map((v) => v.id));
  });
});
