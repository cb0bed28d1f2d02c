import request from "supertest";
import { describe, expect, it } from "vitest";

import { WhereColumnsResponseSchema, WhereReferencingResponseSchema, WhereResponseSchema, WhereTablesResponseSchema } from "../../server/src/contract/api.js";
import { encodeCursor } from "../../server/src/paging.js";
import { WhereRepository } from "../../server/src/where/where.repository.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);
const ASKED = { category: "category:email-address" };

/** Every item of one paged list, read page by page after the first answer's cursor (as the app reads them). */
async function laterPages<T>(path: string, next: string | null | undefined, items: (body: unknown) => { items: T[]; count: number; next: string | null }, count: number): Promise<T[]> {
  const out: T[] = [];
  for (let cursor = next ?? null; cursor; ) {
    const res = await request(app).get(path).query({ ...ASKED, limit: "4", cursor });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const page = items(res.body);
    expect(page.count).toBe(count);
    expect(page.items.length).toBeLessThanOrEqual(4);
    out.push(...page.items);
    cursor = page.next;
  }
  return out;
}

describe("GET /api/where and its later pages (/columns, /tables, /referencing)", () => {
  it("answers the first page of columns, tables and referencing tables with the count of each, every source and vendor; the pages after them hold the rest in order", async () => {
    const all = WhereResponseSchema.parse((await request(app).get("/api/where").query({ ...ASKED, limit: "2000" })).body);
    expect([all.next, all.tablesNext, all.referencingNext]).toEqual([null, null, null]);
    expect([all.columnCount, all.tableCount, all.referencingCount]).toEqual([all.columns.length, all.tables.length, all.referencing.length]);
    expect(all.columns.length).toBeGreaterThan(6);
    expect(all.tables.length).toBeGreaterThan(3);
    expect(all.referencing.length).toBeGreaterThan(3);
    // Every table of the columns, and only those, once; in checklist order.
    expect(all.tables.map((t) => t.id)).toEqual([...new Set(all.columns.map((c) => c.tableId))]);
    expect(all.tables.flatMap((t) => t.columns.map((c) => `${t.id}.${c}`))).toEqual(all.columns.map((c) => `${c.tableId}.${c.column}`));

    const res = await request(app).get("/api/where").query({ ...ASKED, limit: "3" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const first = WhereResponseSchema.parse(res.body);
    expect(first.columns).toEqual(all.columns.slice(0, 3));
    expect(first.tables).toEqual(all.tables.slice(0, 3));
    expect(first.referencing).toEqual(all.referencing.slice(0, 3));
    expect([first.columnCount, first.tableCount, first.referencingCount]).toEqual([all.columnCount, all.tableCount, all.referencingCount]);
    // Sources and vendor flows are whole lists, whatever the page.
    expect({ sources: first.sources, vendors: first.vendors }).toEqual({ sources: all.sources, vendors: all.vendors });

    const columns = await laterPages("/api/where/columns", first.next, (b) => { const p = WhereColumnsResponseSchema.parse(b); return { items: p.columns, count: p.columnCount, next: p.next }; }, all.columnCount);
    const tables = await laterPages("/api/where/tables", first.tablesNext, (b) => { const p = WhereTablesResponseSchema.parse(b); return { items: p.tables, count: p.tableCount, next: p.next }; }, all.tableCount);
    const referencing = await laterPages("/api/where/referencing", first.referencingNext, (b) => { const p = WhereReferencingResponseSchema.parse(b); return { items: p.referencing, count: p.referencingCount, next: p.next }; }, all.referencingCount);
    // Read page by page (as the app does before it lists or exports), every item is there once, in checklist order.
    expect([...first.columns, ...columns]).toEqual(all.columns);
    expect([...first.tables, ...tables]).toEqual(all.tables);
    expect([...first.referencing, ...referencing]).toEqual(all.referencing);
  });

  it("reads each page with its cap in the query: a page's Cypher returns at most the cap and counts the whole list itself", async () => {
    const repo = new WhereRepository(graph);
    const params = { category: ASKED.category, subject: null, system: null };
    const lists = ["columns", "tables", "referencing"] as const;
    const every = { columns: await repo.columnPage(params, 0, 10_000), tables: await repo.tablePage(params, 0, 10_000), referencing: await repo.referencingPage(params, 0, 10_000) };
    for (const list of lists) {
      expect(every[list].total, list).toBeGreaterThan(5);
      expect(every[list].rows.length, list).toBe(every[list].total);
      // The Cypher itself: at most the cap rows, each carrying the whole list's total.
      const rows = await graph.read(`where/${list}`, { ...params, skip: 2, limit: 3 });
      expect(rows.length, list).toBe(3);
      expect(rows.map((r) => Number(r.total)), list).toEqual([every[list].total, every[list].total, every[list].total]);
      // Past the end: one row, the total and no item.
      const past = await graph.read(`where/${list}`, { ...params, skip: every[list].total, limit: 3 });
      expect(past.map((r) => [Number(r.total), r[list === "columns" ? "column" : "table"]]), list).toEqual([[every[list].total, null]]);
      expect((await repo[list === "columns" ? "columnPage" : list === "tables" ? "tablePage" : "referencingPage"](params, every[list].total, 3)).rows, list).toEqual([]);
    }
    const page = { columns: await repo.columnPage(params, 2, 3), tables: await repo.tablePage(params, 2, 3), referencing: await repo.referencingPage(params, 2, 3) };
    expect(page.columns.rows.map((r) => r.column.key)).toEqual(every.columns.rows.slice(2, 5).map((r) => r.column.key));
    expect(page.tables.rows.map((r) => r.table.key)).toEqual(every.tables.rows.slice(2, 5).map((r) => r.table.key));
    expect(page.referencing.rows.map((r) => `${r.table.key}>${r.references}`)).toEqual(every.referencing.rows.slice(2, 5).map((r) => `${r.table.key}>${r.references}`));
    // A question nothing answers (one system holding none of it): every list counts 0, from one row with no item.
    const none = { ...params, system: "no-such-system" };
    for (const list of lists) {
      const rows = await graph.read(`where/${list}`, { ...none, skip: 0, limit: 3 });
      expect(rows.map((r) => Number(r.total)), list).toEqual([0]);
    }
    expect((await repo.tablePage(none, 0, 3)).rows).toEqual([]);
  });

  it("answers 409 for a cursor made before a reload, and 400 for a cursor of another list", async () => {
    const stale = await request(app).get("/api/where/tables").query({ ...ASKED, cursor: encodeCursor(["999999", "tables", "3"]) });
    expect(stale.status).toBe(409);
    const first = WhereResponseSchema.parse((await request(app).get("/api/where").query({ ...ASKED, limit: "2" })).body);
    expect(first.next).not.toBeNull();
    const foreign = await request(app).get("/api/where/tables").query({ ...ASKED, cursor: first.next });
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(400);
    expect(foreign.body.error.details).toMatchObject({ field: "cursor" });
  });
});
