import type { WhereResponse } from "@contract/api";
import { afterEach, describe, expect, it, vi } from "vitest";

import { api } from "./endpoints";

type Item = { id: string };
/** A server of one where answer whose columns, tables and referencing tables come in pages of two. */
function pagedServer(total: { columns: number; tables: number; referencing: number }) {
  const items = (list: string, n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `${list}-${i}` }));
  const page = (list: keyof typeof total, from: number) => {
    const all = items(list, total[list]);
    return { items: all.slice(from, from + 2), next: from + 2 < all.length ? `${list}:${from + 2}` : null };
  };
  const asked: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn((url: string) => {
      asked.push(url);
      const u = new URL(url, "http://x");
      const [list, from] = (u.searchParams.get("cursor") ?? ":0").split(":") as [keyof typeof total, string];
      let body: unknown;
      if (u.pathname === "/api/where") {
        const [c, t, r] = [page("columns", 0), page("tables", 0), page("referencing", 0)];
        body = { asked: { id: "category:email", kind: "category", name: "Email", system: null }, columnCount: total.columns, next: c.next, columns: c.items, tableCount: total.tables, tablesNext: t.next, tables: t.items, referencingCount: total.referencing, referencingNext: r.next, referencing: r.items, sources: [], vendors: [] };
      } else {
        const p = page(list, Number(from));
        const name = u.pathname.slice("/api/where/".length);
        expect(name).toBe(list);
        body = { [name]: p.items, next: p.next };
      }
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    }),
  );
  vi.stubGlobal("sessionStorage", { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
  return asked;
}

describe("api.where", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("reads every page of the columns, tables and referencing tables before it answers, each item once and in order", async () => {
    const asked = pagedServer({ columns: 5, tables: 3, referencing: 1 });
    const w: WhereResponse = await api.where({ category: "category:email" });
    expect(w.columns.map((c) => c.id)).toEqual(["columns-0", "columns-1", "columns-2", "columns-3", "columns-4"]);
    expect(w.tables.map((t) => t.id)).toEqual(["tables-0", "tables-1", "tables-2"]);
    expect(w.referencing.map((r) => r.id)).toEqual(["referencing-0"]);
    expect([w.next, w.tablesNext, w.referencingNext]).toEqual([null, null, null]);
    // The first answer, two more pages of columns, one more of tables, none of referencing tables.
    expect(asked.map((u) => new URL(u, "http://x").pathname).sort()).toEqual(["/api/where", "/api/where/columns", "/api/where/columns", "/api/where/tables"]);
  });

  it("hands the first answer to `show` once, before any later page is asked for, when pages follow it", async () => {
    const asked = pagedServer({ columns: 5, tables: 3, referencing: 1 });
    const shown: { answer: WhereResponse; askedBefore: number }[] = [];
    const w = await api.where({ category: "category:email" }, undefined, (first) => shown.push({ answer: first, askedBefore: asked.length }));

    expect(shown).toHaveLength(1);
    const [{ answer: first, askedBefore }] = shown as [{ answer: WhereResponse; askedBefore: number }];
    // The first answer as the server gave it: its first pages, their totals and the cursors of the pages after them.
    expect(askedBefore).toBe(1);
    expect(first.columns.map((c) => c.id)).toEqual(["columns-0", "columns-1"]);
    expect(first.tables.map((t) => t.id)).toEqual(["tables-0", "tables-1"]);
    expect(first.referencing.map((r) => r.id)).toEqual(["referencing-0"]);
    expect([first.columnCount, first.tableCount, first.referencingCount]).toEqual([5, 3, 1]);
    expect([first.next, first.tablesNext, first.referencingNext]).toEqual(["columns:2", "tables:2", null]);
    // The answer it resolves with is the whole one, in order.
    expect(w.columns.map((c) => c.id)).toEqual(["columns-0", "columns-1", "columns-2", "columns-3", "columns-4"]);
    expect(w.tables.map((t) => t.id)).toEqual(["tables-0", "tables-1", "tables-2"]);
    expect(w.referencing.map((r) => r.id)).toEqual(["referencing-0"]);
    expect([w.next, w.tablesNext, w.referencingNext]).toEqual([null, null, null]);
  });

  it("does not call `show` when the first answer is already complete", async () => {
    const asked = pagedServer({ columns: 2, tables: 1, referencing: 0 });
    const show = vi.fn();
    const w = await api.where({ category: "category:email" }, undefined, show);

    expect(show).not.toHaveBeenCalled();
    expect(w.columns.map((c) => c.id)).toEqual(["columns-0", "columns-1"]);
    expect(w.tables.map((t) => t.id)).toEqual(["tables-0"]);
    expect(w.referencing).toEqual([]);
    expect(asked).toHaveLength(1);
  });

  it("rejects when a later page fails, after `show` had the first answer", async () => {
    pagedServer({ columns: 1, tables: 3, referencing: 0 });
    const serve = vi.mocked(fetch).getMockImplementation()!;
    vi.mocked(fetch).mockImplementation((url, init) =>
      typeof url === "string" && url.includes("/api/where/tables") ? Promise.resolve(new Response(JSON.stringify({ error: { code: "INTERNAL", message: "The tables' page failed." } }), { status: 500 })) : serve(url, init),
    );
    const show = vi.fn();

    await expect(api.where({ category: "category:email" }, undefined, show)).rejects.toThrow("The tables' page failed.");
    expect(show).toHaveBeenCalledTimes(1);
  });
});
