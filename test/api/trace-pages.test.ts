import request from "supertest";
import { describe, expect, it } from "vitest";

import { TraceFieldsResponseSchema, TraceResponseSchema, TraceVendorsResponseSchema, type TraceResponse, type TraceVendor } from "../../server/src/contract/api.js";
import { encodeCursor } from "../../server/src/paging.js";
import { recordingReads, testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);
const FROM = "system:kentico";

async function trace(query: Record<string, string>): Promise<TraceResponse> {
  const res = await request(app).get("/api/trace").query({ from: FROM, ...query });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return TraceResponseSchema.parse(res.body);
}

describe("GET /api/trace, /api/trace/vendors and /api/trace/fields (pages)", () => {
  it("lists the first page of vendors with the count of all of them; the pages after it hold the rest, once each, in order", async () => {
    const all = await trace({ limit: "500", fields: "1000" });
    expect(all.vendorCount).toBe(all.vendors.length);
    expect(all.next).toBeNull();
    expect(all.vendors.length).toBeGreaterThan(4);

    const first = await trace({ limit: "2" });
    expect(first.vendors).toHaveLength(2);
    expect(first.vendorCount).toBe(all.vendorCount);
    expect(first.totalVendors).toBe(all.totalVendors);
    // The picture and the facets do not depend on the page: they describe the whole answer.
    expect(first.elements).toEqual(all.elements);
    expect(first.facets).toEqual(all.facets);

    const ids = first.vendors.map((v) => v.id);
    let pages = 1;
    for (let next = first.next ?? null; next; pages++) {
      const res = await request(app).get("/api/trace/vendors").query({ from: FROM, limit: "2", fields: "1000", cursor: next });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const page = TraceVendorsResponseSchema.parse(res.body);
      expect(page.vendorCount).toBe(all.vendorCount);
      ids.push(...page.vendors.map((v) => v.id));
      next = page.next;
    }
    expect(pages).toBe(Math.ceil(all.vendorCount / 2));
    expect(ids).toEqual(all.vendors.map((v) => v.id));
  });

  it("lists the first fields of each vendor with the count of all of them; the pages after them hold the rest with the same evidence", async () => {
    const all = await trace({ limit: "500", fields: "1000" });
    const capped = await trace({ limit: "500", fields: "1" });
    const several = all.vendors.filter((v) => v.fields.length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const v of capped.vendors) {
      const whole = all.vendors.find((x) => x.id === v.id)!;
      expect(v.fieldCount).toBe(whole.fields.length);
      expect(v.fields.length).toBe(Math.min(1, whole.fields.length));
      const fields: TraceVendor["fields"] = [...v.fields];
      for (let next = v.fieldsNext ?? null; next; ) {
        const res = await request(app).get("/api/trace/fields").query({ from: FROM, of: v.id, limit: "2", cursor: next });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        const page = TraceFieldsResponseSchema.parse(res.body);
        expect(page.fieldCount).toBe(whole.fields.length);
        fields.push(...page.fields);
        next = page.next;
      }
      expect(fields).toEqual(whole.fields);
    }
  });

  it("answers 409 for a cursor made before a reload, and 400 for one that is not a cursor", async () => {
    const stale = encodeCursor(["999999", "A", "vendor:a"]);
    const res = await request(app).get("/api/trace/vendors").query({ from: FROM, cursor: stale });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/loaded again/);
    expect((await request(app).get("/api/trace/vendors").query({ from: FROM, cursor: "nonsense" })).status).toBe(400);
  });

  it("reads the load sequence once per request: the answer's cache key and its cursors name the same load", async () => {
    await recordingReads(graph, async (asked) => {
      // A start no other test of this app traces: no kept answer and no kept reach, so the trace is computed now.
      const res = await request(app).get("/api/trace").query({ from: "system:kontent-ai", limit: "1", fields: "1" });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const first = TraceResponseSchema.parse(res.body);
      expect(first.next).not.toBeNull();
      expect(asked.filter((q) => q.startsWith("trace/")).length).toBeGreaterThan(0);
      expect(asked.filter((q) => q === "cache/load-sequence")).toHaveLength(1);
    });
  });

  it("reads a trace's reach once per load: the pages after the first run no trace query", async () => {
    await recordingReads(graph, async (asked) => {
      const from = "category:email-address";
      const res = await request(app).get("/api/trace").query({ from, limit: "1", fields: "1" });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const first = TraceResponseSchema.parse(res.body);
      expect(first.next).not.toBeNull();
      expect(asked.some((q) => q.startsWith("trace/"))).toBe(true);
      asked.length = 0;
      const next = await request(app).get("/api/trace/vendors").query({ from, limit: "1", fields: "1", cursor: first.next! });
      expect(next.status, JSON.stringify(next.body)).toBe(200);
      expect(TraceVendorsResponseSchema.parse(next.body).vendors).toHaveLength(1);
      expect(asked.filter((q) => q.startsWith("trace/"))).toEqual([]);
    });
  });
});
