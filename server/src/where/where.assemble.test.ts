import { describe, expect, it } from "vitest";

import { assembleWhere } from "./where.assemble.js";
import type { WhereRow } from "./where.repository.js";
import { WhereResponseSchema } from "../contract/api.js";

const none = { erasureAction: null, erasureReason: null, erasureRetention: null };
const table = (name: string, extra: Partial<WhereRow["table"]> = {}): WhereRow["table"] => ({ kind: "table", key: `shop/${name}`, name, system: "shop", title: null, identity: null, ...none, ...extra });
const column = (t: string, name: string, extra: Partial<WhereRow["column"]> = {}): WhereRow["column"] => ({ kind: "column", key: `shop/${t}.${name}`, name, system: "shop", table: t, columnKind: "personal", ...none, ...extra });
const source = (key: string, name: string) => ({ kind: "source", key: `shop/${key}`, name, system: "shop" });
const row = (t: WhereRow["table"], c: WhereRow["column"], writers: WhereRow["writers"] = [], sends: WhereRow["sends"] = []): WhereRow => ({ column: c, table: t, category: null, referencedBy: [], writers, sends });
const asked = { id: "subject:shop/customer", kind: "subject" as const, name: "Customer", system: null };

describe("assembleWhere", () => {
  const customer = table("Shop_Customer", { identity: ["CustomerID"], erasureAction: "erase" });
  const order = table("Shop_Order", { erasureAction: "keep", erasureReason: "invoices (tax law)", erasureRetention: "10 years" });
  const rows = [
    row(customer, column("Shop_Customer", "Email"), [{ source: source("signup", "Users"), how: "fills" }]),
    row(customer, column("Shop_Customer", "Phone", { erasureAction: "anonymise" }), [{ source: source("sync", "Users"), how: "copies", from: "column:shop/X.Y" }]),
    row(order, column("Shop_Order", "BillingEmail", { erasureAction: "keep", erasureReason: "invoices (tax law)", erasureRetention: "10 years" }), [{ source: source("checkout", "Checkout"), how: "feeds" }]),
    row(table("Shop_Note"), column("Shop_Note", "Text"), [{ source: source("import", "Users"), how: "feeds" }]),
  ];
  const w = WhereResponseSchema.parse(assembleWhere(asked, rows));

  it("gives each table the identity columns and erasure action its inventory states, and null where it states none (never a default)", () => {
    expect(w.tables.find((t) => t.name === "Shop_Customer")).toMatchObject({ identity: { columns: ["CustomerID"], basis: "stated" }, erasure: { action: "erase", reason: null, retention: null } });
    expect(w.tables.find((t) => t.name === "Shop_Order")).toMatchObject({ identity: null, erasure: { action: "keep", reason: "invoices (tax law)", retention: "10 years" } });
    expect(w.tables.find((t) => t.name === "Shop_Note")).toMatchObject({ identity: null, erasure: null, columnErasure: [] });
  });

  it("lists a column's own action only where it differs from its table's, and gives every column the action that applies to it", () => {
    expect(w.tables.find((t) => t.name === "Shop_Customer")!.columnErasure).toEqual([{ column: "Phone", action: "anonymise", reason: null, retention: null }]);
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
});
