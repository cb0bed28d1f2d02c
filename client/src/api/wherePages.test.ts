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
});
