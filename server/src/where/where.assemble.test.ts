import { describe, expect, it } from "vitest";

import { assembleWhere } from "./where.assemble.js";
import type { WhereRow } from "./where.repository.js";
import { WhereResponseSchema } from "../contract/api.js";

const none = { erasureAction: null, erasureReason: null, erasureRetention: null };
const at = (line: number) => ({ at: [`shop.yaml:${line}`] });
let line = 0;
const table = (name: string, extra: Partial<WhereRow["table"]> = {}): WhereRow["table"] => ({ kind: "table", key: `shop/${name}`, name, system: "shop", title: null, identity: null, prov: at(++line), ...none, ...extra });
const column = (t: string, name: string, extra: Partial<WhereRow["column"]> = {}): WhereRow["column"] => ({ kind: "column", key: `shop/${t}.${name}`, name, system: "shop", table: t, columnKind: "personal", prov: at(++line), ...none, ...extra });
const source = (key: string, name: string, l: number) => ({ kind: "source", key: `shop/${key}`, name, system: "shop", prov: at(l) });
const row = (t: WhereRow["table"], c: WhereRow["column"], writers: WhereRow["writers"] = [], sends: WhereRow["sends"] = []): WhereRow => ({ column: c, table: t, category: null, referencedBy: [], writers, sends });
const asked = { id: "subject:shop/customer", kind: "subject" as const, name: "Customer", system: null };

describe("assembleWhere", () => {
  const customer = table("Shop_Customer", { identity: ["CustomerID"], erasureAction: "erase", prov: at(10) });
  const order = table("Shop_Order", { erasureAction: "keep", erasureReason: "invoices (tax law)", erasureRetention: "10 years" });
  const rows = [
    row(customer, column("Shop_Customer", "Email"), [{ source: source("signup", "Users", 100), how: "fills", prov: at(101) }]),
    row(customer, column("Shop_Customer", "Phone", { erasureAction: "anonymise", prov: at(12) }), [{ source: source("sync", "Users", 200), how: "copies", from: "column:shop/X.Y", prov: { at: ["shop.yaml:201"], mapping: "category" } }]),
    row(order, column("Shop_Order", "BillingEmail", { erasureAction: "keep", erasureReason: "invoices (tax law)", erasureRetention: "10 years" }), [{ source: source("checkout", "Checkout", 300), how: "feeds", prov: at(301) }]),
    row(table("Shop_Note"), column("Shop_Note", "Text"), [{ source: source("import", "Users", 400), how: "feeds", prov: null }]),
  ];
  const w = WhereResponseSchema.parse(assembleWhere(asked, rows));

  it("gives each table the identity columns and erasure action its inventory states, and null where it states none (never a default)", () => {
    const stated = (l: number) => [{ kind: "stated", file: "shop.yaml", line: l }];
    expect(w.tables.find((t) => t.name === "Shop_Customer")).toMatchObject({
      identity: { columns: ["CustomerID"], basis: "stated", provenance: stated(10) },
      erasure: { action: "erase", reason: null, retention: null, provenance: stated(10) },
      provenance: stated(10),
    });
    expect(w.tables.find((t) => t.name === "Shop_Order")).toMatchObject({ identity: null, erasure: { action: "keep", reason: "invoices (tax law)", retention: "10 years" } });
    expect(w.tables.find((t) => t.name === "Shop_Note")).toMatchObject({ identity: null, erasure: null, columnErasure: [] });
  });

  it("lists a column's own action only where it differs from its table's, and gives every column the action that applies to it", () => {
    expect(w.tables.find((t) => t.name === "Shop_Customer")!.columnErasure).toEqual([{ column: "Phone", action: "anonymise", reason: null, retention: null, provenance: [{ kind: "stated", file: "shop.yaml", line: 12 }] }]);
    expect(w.tables.find((t) => t.name === "Shop_Order")!.columnErasure).toEqual([]);
    const byName = new Map(w.columns.map((c) => [c.column, c]));
    expect(byName.get("Email")).toMatchObject({ erasure: { action: "erase" }, erasureFrom: "table" });
    expect(byName.get("Phone")).toMatchObject({ erasure: { action: "anonymise" }, erasureFrom: "column" });
    expect(byName.get("Text")).toMatchObject({ erasure: null, erasureFrom: null });
  });

  it("groups the sources of one system by name with their count, each source still listed", () => {
    expect(w.sources.map((s) => [s.name, s.count])).toEqual([
      ["Checkout", 1],
      ["Users", 3],
    ]);
    const users = w.sources.find((s) => s.name === "Users")!;
    expect(users).toMatchObject({ key: "shop/Users", how: ["fills", "feeds", "copies"] });
    expect(users.sources.map((s) => s.id)).toEqual(["source:shop/import", "source:shop/signup", "source:shop/sync"]);
    expect(users.columns.sort()).toEqual(["column:shop/Shop_Customer.Email", "column:shop/Shop_Customer.Phone", "column:shop/Shop_Note.Text"]);
  });

  it("cites each source at its entry and the lines by which it writes, a copy by category as inferred, and a group at every statement of its sources", () => {
    const stated = (l: number) => ({ kind: "stated", file: "shop.yaml", line: l });
    const users = w.sources.find((s) => s.name === "Users")!;
    expect(users.sources.find((s) => s.id === "source:shop/signup")!.provenance).toEqual([stated(100), stated(101)]);
    expect(users.sources.find((s) => s.id === "source:shop/sync")!.provenance).toEqual([stated(200), { kind: "inferred", rule: "same-category" }, stated(201)]);
    expect(users.sources.find((s) => s.id === "source:shop/import")!.provenance).toEqual([stated(400)]);
    expect(users.provenance).toHaveLength(6);
    expect(w.columns.every((c) => c.provenance.length === 1 && c.provenance[0]!.kind === "stated")).toBe(true);
  });
});
