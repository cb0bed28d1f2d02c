/**
 * Nothing the inventory states is dropped: Ambassify's sub-processor list names Heroku (and Amazon's S3) with "None"
 * for the data categories. The engagement is stated, the fields are not: every view lists it, saying so, and every
 * view counts the same vendors.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";

import { OverviewResponseSchema, RopaResponseSchema, TraceResponseSchema, VendorsResponseSchema } from "../../server/src/contract/api.js";
import { FIELDS_NOT_STATED } from "../../server/src/contract/words.js";
import { testApp } from "../support/graph.js";

const app = testApp();

async function get(url: string, query: Record<string, string> = {}) {
  const res = await request(app).get(url).query(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res;
}

describe("a vendor flow whose fields are not stated (Heroku in Ambassify)", () => {
  it("is listed by the system's trace with no field and its flow marked 'not-stated', drawn from the system", async () => {
    const t = TraceResponseSchema.parse((await get("/api/trace", { from: "system:ambassify" })).body);

    const heroku = t.vendors.find((v) => v.id === "vendor:heroku");
    expect(heroku).toBeDefined();
    expect(heroku!.fields).toEqual([]);
    expect(heroku!.flows.map((f) => [f.service, f.fields])).toEqual([["Heroku", "not-stated"]]);
    expect(heroku!.countries.map((c) => `${c.role}:${c.code}`)).toEqual(["entity:US", "data:IE"]);
    // Amazon's S3 flow names no data either: listed among Amazon's flows, beside the three that do.
    const amazon = t.vendors.find((v) => v.id === "vendor:amazon")!;
    expect(amazon.flows.filter((f) => f.fields === "not-stated").map((f) => f.service)).toEqual(["S3"]);
    expect(amazon.flows.filter((f) => f.fields === "stated")).toHaveLength(3);
    const edge = t.elements.edges.find((e) => e.data.source === "system:ambassify" && e.data.target === "vendor:heroku");
    expect(edge?.data.label).toBe(`Heroku: ${FIELDS_NOT_STATED}`);
  });

  it("keeps it under a vendor filter, never under a category filter (its fields carry no category the inventory states)", async () => {
    const byVendor = TraceResponseSchema.parse((await get("/api/trace", { from: "system:ambassify", vendor: "vendor:heroku" })).body);
    const byCategory = TraceResponseSchema.parse((await get("/api/trace", { from: "system:ambassify", category: "category:name" })).body);

    expect(byVendor.vendors.map((v) => v.id)).toEqual(["vendor:heroku"]);
    expect(byCategory.vendors.map((v) => v.id)).not.toContain("vendor:heroku");
    expect(byCategory.facets.vendors.map((v) => v.value)).toContain("vendor:heroku");
  });

  it("counts the same vendors for each system in the overview, the system's trace and the vendor list", async () => {
    const overview = OverviewResponseSchema.parse((await get("/api/overview")).body);

    for (const s of overview.systems) {
      const system = s.id.replace("system:", "");
      const t = TraceResponseSchema.parse((await get("/api/trace", { from: s.id })).body);
      const list = VendorsResponseSchema.parse((await get("/api/vendors", { systems: system })).body);
      expect([t.vendors.length, t.totalVendors, list.page.total], system).toEqual([s.vendors, s.vendors, s.vendors]);
    }
  });

  it("is a recipient of the Art. 30 record of its purpose, saying its fields are not stated", async () => {
    const { rows } = RopaResponseSchema.parse(JSON.parse((await get("/api/reports/ropa", { system: "ambassify", format: "json" })).text));
    const recipients = rows.flatMap((r) => r.recipients.filter((x) => x.vendor === "Heroku").map((x) => ({ record: r.record, fields: x.fields })));
    expect(recipients).toEqual([{ record: "Cloud platform (Heroku)", fields: "not-stated" }]);

    const csv = (await get("/api/reports/ropa", { system: "ambassify", format: "csv" })).text;
    expect(csv).toContain(`Heroku, sub-processor, legal entity: Heroku, Inc., vendor retention: 1 days, ${FIELDS_NOT_STATED}`);
  });

  it("is in the DPIA pack of the system: a flow row and an evidence row saying its fields are not stated", async () => {
    const html = (await get("/api/reports/dpia", { from: "system:ambassify", format: "html" })).text;

    const rows = [...html.matchAll(/<tr>.*?<\/tr>/g)].map((m) => m[0]).filter((r) => r.includes("Heroku"));
    const flowRows = rows.filter((r) => r.includes(`>${FIELDS_NOT_STATED}</span>`));
    // One in the flows table, one in the evidence table.
    expect(flowRows).toHaveLength(2);
    expect(flowRows[0]).toContain("Cloud platform");
    expect(flowRows[1]).toContain("the inventory names no field it receives");
    expect(html).toMatch(/<dt>Summary<\/dt><dd>9 vendors, 12 vendor flows,/);
  });
});
