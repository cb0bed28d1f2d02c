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
    expect(body.sources.some((g) => g.sources.some((s) => s.id === "source:kentico/users-registration" && s.columns.includes("column:kentico/CMS_User.Email")))).toBe(true);
    // Sources of one system sharing a name are one item with their count: Kentico's three "Users" sources.
    const users = body.sources.filter((g) => g.system === "kentico" && g.name === "Users");
    expect(users).toHaveLength(1);
    expect(users[0]).toMatchObject({ count: 3 });
    expect(users[0]!.sources.map((s) => s.id)).toEqual(["source:kentico/contact-from-users", "source:kentico/customer-user-sync", "source:kentico/online-users-from-users"]);
    expect(new Set(body.sources.map((g) => g.key)).size).toBe(body.sources.length);
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

  it("is the checklist for a data subject: each table with the identity key and erasure action its inventory states, 'not stated' left null", async () => {
    const res = await request(app).get("/api/where").query({ subject: "subject:kentico/user" });

    expect(res.status).toBe(200);
    const body = WhereResponseSchema.parse(res.body);
    expect(body.tables.length).toBeGreaterThan(1);
    const user = body.tables.find((t) => t.id === "table:kentico/CMS_User");
    // The Kentico document: UserName "serves as a unique identifier for users"; UserID and UserGUID "used as identifiers".
    expect(user?.identity).toEqual({ columns: ["UserName", "UserID", "UserGUID"], basis: "stated" });
    // Nothing else is guessed: a table whose document states no identifier of the person has none, and no built-in
    // document states an erasure action for any table, so every action is null ("not stated"), never a default.
    const settings = body.tables.find((t) => t.id === "table:kentico/CMS_UserSettings");
    expect(settings).toMatchObject({ identity: null, erasure: null, columnErasure: [] });
    expect(body.tables.every((t) => t.erasure === null)).toBe(true);
    expect(body.columns.every((c) => c.erasure === null && c.erasureFrom === null)).toBe(true);
    // Vendors carry their route (no built-in document states a vendor's privacy contact) and the retention they state.
    expect(body.vendors.length).toBeGreaterThan(0);
    expect(body.vendors.every((v) => v.privacyContact === null)).toBe(true);
  });

  it("gives a vendor flow's stated retention on the checklist (Ambassify's Twilio: 30 days)", async () => {
    const res = await request(app).get("/api/where").query({ subject: "subject:ambassify/user" });

    const body = WhereResponseSchema.parse(res.body);
    expect(body.vendors.find((v) => v.flow === "ambassify/twilio")).toMatchObject({ retention: "30 days", privacyContact: null });
    expect(body.tables.find((t) => t.name === "Ambassify_User")).toMatchObject({ identity: null, erasure: null });
  });

  it("asks for exactly one of category and subject, and 404s an unknown category", async () => {
    expect((await request(app).get("/api/where")).status).toBe(400);
    expect((await request(app).get("/api/where").query({ category: "category:email-address", subject: "subject:ambassify/manager" })).status).toBe(400);
    const missing = await request(app).get("/api/where").query({ category: "category:no-such-thing" });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });
});
