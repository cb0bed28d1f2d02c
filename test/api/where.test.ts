import request from "supertest";
import { describe, expect, it } from "vitest";

import { WhereResponseSchema } from "../../server/src/contract/api.js";
import { testApp, testGraph } from "../support/graph.js";
import { warmQueries } from "../support/warm.js";

const graph = testGraph();
const app = testApp(graph);
warmQueries(graph, [["where/columns", { category: "category:email-address", subject: null, system: "kentico" }]]);

describe("GET /api/where", () => {
  it("lists every Kentico column holding an email address, the tables referencing CMS_User, the sources writing it and the vendors receiving it", async () => {
    const res = await request(app).get("/api/where").query({ category: "category:email-address", system: "kentico" });

    expect(res.status).toBe(200);
    const body = WhereResponseSchema.parse(res.body);
    expect(body.asked).toMatchObject({ id: "category:email-address", kind: "category", name: "Email address", system: "kentico" });
    const columns = body.columns.map((c) => `${c.table}.${c.column}`);
    expect(columns).toEqual(expect.arrayContaining(["CMS_User.Email", "CMS_Email.EmailTo"]));
    expect(body.columns.every((c) => c.system === "kentico" && c.category === "Email address")).toBe(true);
    const referencingUser = body.referencing.filter((r) => r.references === "table:kentico/CMS_User");
    expect(referencingUser.length).toBeGreaterThan(0);
    expect(referencingUser.every((r) => r.columns.length > 0)).toBe(true);
    expect(body.sources.length).toBeGreaterThan(0);
    expect(body.sources.some((s) => s.id === "source:kentico/users-registration" && s.columns.includes("column:kentico/CMS_User.Email"))).toBe(true);
    // Vendors come with the engagement's transfer status, read from the flow; PayPal names no country.
    expect(body.vendors.find((v) => v.id === "vendor:paypal")).toMatchObject({ transfer: "not-stated", safeguard: "not documented", countries: [] });
  });

  it("answers for a data subject instead of a category, across systems", async () => {
    const res = await request(app).get("/api/where").query({ subject: "subject:ambassify/manager" });

    expect(res.status).toBe(200);
    const body = WhereResponseSchema.parse(res.body);
    expect(body.asked.kind).toBe("subject");
    expect(body.columns.length).toBeGreaterThan(0);
    expect(body.tables.map((t) => t.name)).toContain("Ambassify_Manager");
  });

  it("asks for exactly one of category and subject, and 404s an unknown category", async () => {
    expect((await request(app).get("/api/where")).status).toBe(400);
    expect((await request(app).get("/api/where").query({ category: "category:email-address", subject: "subject:ambassify/manager" })).status).toBe(400);
    const missing = await request(app).get("/api/where").query({ category: "category:no-such-thing" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });
});
