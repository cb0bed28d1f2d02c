import request from "supertest";
import { describe, expect, it } from "vitest";

import { SearchResponseSchema } from "../../server/src/contract/api.js";
import { testApp } from "../support/graph.js";

const app = testApp();

async function search(query: Record<string, string | number>) {
  const res = await request(app).get("/api/search").query(query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return SearchResponseSchema.parse(res.body).results;
}

describe("GET /api/search", () => {
  it("finds a table by a prefix of its name, case-insensitively", async () => {
    const results = await search({ q: "cms_us" });

    expect(results[0]).toEqual({ id: "table:kentico/CMS_User", kind: "table", label: "CMS_User", system: "kentico", detail: "Users" });
    expect(results.map((r) => r.id)).toContain("table:kentico/CMS_UserSettings");
  });

  it("ranks the exact name first and matches upper-case input", async () => {
    const results = await search({ q: "PAYPAL" });

    expect(results[0]).toMatchObject({ id: "vendor:paypal", kind: "vendor", label: "PayPal", system: null });
    expect(results.map((r) => r.id)).toContain("purpose:kentico/paypal-payment-processing");
  });

  it("matches every word as a prefix, in headings and aliases too", async () => {
    const results = await search({ q: "author net" });

    expect(results[0]?.id).toBe("vendor:authorize-net");
  });

  it("finds words inside names (CustomerEmail for 'email') and filters by kind", async () => {
    const results = await search({ q: "email", kind: "column", limit: 100 });

    expect(results.every((r) => r.kind === "column")).toBe(true);
    expect(results.map((r) => r.id)).toEqual(expect.arrayContaining(["column:kentico/COM_Customer.CustomerEmail", "column:kontent-ai/KontentAi_User.Email address"]));
    expect(results.find((r) => r.id === "column:kentico/COM_Customer.CustomerEmail")?.detail).toBe("COM_Customer");
  });

  it("looks inside words only when no word starts with the text ('ustomeremai' finds CustomerEmail)", async () => {
    const results = await search({ q: "ustomeremai", kind: "column" });
    expect(results.map((r) => r.id)).toContain("column:kentico/COM_Customer.CustomerEmail");
  });

  it("searches every kind of node: categories, countries, subjects, sources", async () => {
    expect((await search({ q: "postal", kind: "category" }))[0]?.id).toBe("category:postal-address");
    expect((await search({ q: "germ" }))[0]?.id).toBe("location:DE");
    expect((await search({ q: "customer", kind: "subject" })).map((r) => r.id)).toContain("subject:kentico/customer");
    expect((await search({ q: "sign-up form", kind: "source" })).map((r) => r.id)).toContain("source:kontent-ai/sign-up");
  });

  it("takes Lucene's special characters as plain text", async () => {
    for (const q of ['"', "(", "*", "a:b", "title:x OR y", "\\", "CMS_User AND (", "~!^[]{}"]) {
      const res = await request(app).get("/api/search").query({ q });

      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body.results)).toBe(true);
    }
    expect((await search({ q: "CMS_User)" }))[0]?.id).toBe("table:kentico/CMS_User");
  });

  it("returns at most `limit` results", async () => {
    expect(await search({ q: "user", limit: 3 })).toHaveLength(3);
  });

  it("answers 400 naming the field for a missing q, a bad limit or an unknown kind", async () => {
    const cases: [Record<string, string>, string][] = [
      [{}, "q"],
      [{ q: "   " }, "q"],
      [{ q: "user", limit: "500" }, "limit"],
      [{ q: "user", limit: "two" }, "limit"],
      [{ q: "user", kind: "planet" }, "kind"],
    ];
    for (const [query, field] of cases) {
      const res = await request(app).get("/api/search").query(query);

      expect(res.status, JSON.stringify(query)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION_ERROR");
      expect(res.body.error.message).toContain(`'${field}'`);
      expect(res.body.error.details).toEqual([{ field, message: expect.any(String) }]);
    }
  });
});
