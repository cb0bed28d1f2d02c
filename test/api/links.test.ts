/**
 * Links that last: an id written before ids were scoped by system still opens what it named while one system has it,
 * asks which one (409 with the candidates) when several do, and a "not found" offers the closest search results.
 */
import request from "supertest";
import { describe, expect, it } from "vitest";

import { ErrorResponseSchema, NodeResponseSchema, PathsResponseSchema, TraceResponseSchema } from "../../server/src/contract/api.js";
import { testApp } from "../support/graph.js";

const app = testApp();

const errorOf = (body: unknown) => ErrorResponseSchema.parse(body).error;

describe("an id without its system (a link from before ids were scoped)", () => {
  it("opens the trace of the one table of that name (COM_Customer is Kentico's)", async () => {
    const legacy = await request(app).get("/api/trace").query({ from: "table:COM_Customer" });
    const scoped = await request(app).get("/api/trace").query({ from: "table:kentico/COM_Customer" });

    expect(legacy.status, JSON.stringify(legacy.body)).toBe(200);
    const t = TraceResponseSchema.parse(legacy.body);
    expect(t.from.id).toBe("table:kentico/COM_Customer");
    expect(t.vendors.map((v) => v.id)).toEqual(TraceResponseSchema.parse(scoped.body).vendors.map((v) => v.id));
  });

  it("opens a column's details, its neighbourhood, a path and a DPIA pack the same way", async () => {
    const node = await request(app).get(`/api/nodes/${encodeURIComponent("column:CMS_User.Email")}`);
    expect(node.status).toBe(200);
    expect(NodeResponseSchema.parse(node.body).node.id).toBe("column:kentico/CMS_User.Email");

    const around = await request(app).get(`/api/nodes/${encodeURIComponent("table:CMS_User")}/neighborhood`);
    expect(around.status).toBe(200);

    const paths = await request(app).get("/api/paths").query({ from: "table:COM_Customer", to: "vendor:gravatar" });
    expect(paths.status).toBe(200);
    expect(PathsResponseSchema.parse(paths.body).paths[0]?.nodes[0]).toBe("table:kentico/COM_Customer");

    const pack = await request(app).get("/api/reports/dpia").query({ from: "table:COM_Customer", format: "html" });
    expect(pack.status).toBe(200);
    expect(pack.text).toContain("table:kentico/COM_Customer");
  });

  it("answers 409 listing the candidates when several systems have it (the sign-up source of Kentico Cloud and Kontent.ai)", async () => {
    const res = await request(app).get("/api/trace").query({ from: "source:sign-up" });

    expect(res.status).toBe(409);
    const error = errorOf(res.body);
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({ id: "source:sign-up", candidates: ["source:kentico-cloud/sign-up", "source:kontent-ai/sign-up"] });
  });
});

describe("an id that names nothing", () => {
  it("answers 404 with the closest search results of its kind (a misspelt table)", async () => {
    const res = await request(app).get("/api/trace").query({ from: "table:kentico/CMS_Usr" });

    expect(res.status).toBe(404);
    const error = errorOf(res.body);
    expect(error.code).toBe("NOT_FOUND");
    const { suggestions } = error.details as { suggestions: { id: string; kind: string }[] };
    expect(suggestions.map((s) => s.id)).toContain("table:kentico/CMS_User");
    expect(suggestions.every((s) => s.kind === "table")).toBe(true);
    expect(suggestions.length).toBeLessThanOrEqual(5);
  });

  it("answers 404 with suggestions for a node's details too, and an empty list when nothing is close", async () => {
    const close = await request(app).get(`/api/nodes/${encodeURIComponent("vendor:paypl")}`);
    expect(close.status).toBe(404);
    expect((errorOf(close.body).details as { suggestions: { id: string }[] }).suggestions.map((s) => s.id)).toContain("vendor:paypal");

    const nothing = await request(app).get(`/api/nodes/${encodeURIComponent("vendor:zzqqxxyy")}`);
    expect(nothing.status).toBe(404);
    expect(errorOf(nothing.body).details).toEqual({ id: "vendor:zzqqxxyy", suggestions: [] });
  });
});
