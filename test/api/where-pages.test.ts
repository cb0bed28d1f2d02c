import request from "supertest";
import { describe, expect, it } from "vitest";

import { WhereColumnsResponseSchema, WhereResponseSchema } from "../../server/src/contract/api.js";
import { encodeCursor } from "../../server/src/paging.js";
import { WhereRepository } from "../../server/src/where/where.repository.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);
const ASKED = { category: "category:email-address" };

describe("GET /api/where and /api/where/columns (pages)", () => {
  it("lists the first page of columns with the count of all of them and every table, source and vendor; the pages after it hold the rest in order", async () => {
    const all = WhereResponseSchema.parse((await request(app).get("/api/where").query({ ...ASKED, limit: "2000" })).body);
    expect(all.columnCount).toBe(all.columns.length);
    expect(all.next).toBeNull();
    expect(all.columns.length).toBeGreaterThan(6);

    const res = await request(app).get("/api/where").query({ ...ASKED, limit: "3" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const first = WhereResponseSchema.parse(res.body);
    expect(first.columns).toEqual(all.columns.slice(0, 3));
    expect(first.columnCount).toBe(all.columnCount);
    // The other lists are the whole checklist's, whatever the page.
    expect({ tables: first.tables, referencing: first.referencing, sources: first.sources, vendors: first.vendors }).toEqual({ tables: all.tables, referencing: all.referencing, sources: all.sources, vendors: all.vendors });

    const columns = [...first.columns];
    for (let next = first.next ?? null; next; ) {
      const page = await request(app).get("/api/where/columns").query({ ...ASKED, limit: "4", cursor: next });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      const p = WhereColumnsResponseSchema.parse(page.body);
      expect(p.columnCount).toBe(all.columnCount);
      columns.push(...p.columns);
      next = p.next;
    }
    // Read page by page (as the app does before it lists or exports), every column is there once, in checklist order.
    expect(columns).toEqual(all.columns);
    expect(columns).toHaveLength(all.columnCount);
  });

  it("reads a page of columns with the cap in the query: the repository gets at most the cap, and the count of all of them apart", async () => {
    const repo = new WhereRepository(graph);
    const params = { category: ASKED.category, subject: null, system: null };
    const total = await repo.columnCount(params);
    expect(total).toBeGreaterThan(3);
    const page = await repo.columnPage(params, 2, 3);
    expect(page).toHaveLength(3);
    const every = await repo.columns(params);
    expect(every).toHaveLength(total);
    expect(page.map((r) => r.column.key)).toEqual(every.slice(2, 5).map((r) => r.column.key));
  });

  it("answers 409 for a cursor made before a reload", async () => {
    const res = await request(app).get("/api/where/columns").query({ ...ASKED, cursor: encodeCursor(["999999", "3"]) });
    expect(res.status).toBe(409);
  });
});
