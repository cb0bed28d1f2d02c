import { describe, expect, it } from "vitest";

import { whereColumns, whereSources, whereTables } from "./where.assemble.js";
import type { ColumnRow, TableRow, WriterRow } from "./where.repository.js";
import { WhereResponseSchema } from "../contract/api.js";

const none = { erasureAction: null, erasureReason: null, erasureRetention: null };
const at = (line: number) => ({ at: [`shop.yaml:${line}`] });
let line = 0;
const table = (name: string, extra: Partial<TableRow["table"]> = {}): TableRow["table"] => ({ kind: "table", key: `shop/${name}`, name, system: "shop", title: null, identity: null, prov: at(++line), ...none, ...extra });
const column = (t: string, name: string, extra: Partial<ColumnRow["column"]> = {}): ColumnRow["column"] => ({ kind: "column", key: `shop/${t}.${name}`, name, system: "shop", table: t, columnKind: "personal", prov: at(++line), ...none, ...extra });
const source = (key: string, name: string, l: number) => ({ kind: "source", key: `shop/${key}`, name, system: "shop", prov: at(l) });
const writer = (c: ColumnRow["column"], w: Omit<WriterRow, "column">): WriterRow => ({ column: `column:${c.key}`, ...w });

describe("the where checklist's lists", () => {
  const customer = table("Shop_Customer", { identity: ["CustomerID"], erasureAction: "erase", prov: at(10) });
  const order = table("Shop_Order", { erasureAction: "keep", erasureReason: "invoices (tax law)", erasureRetention: "10 years" });
  const note = table("Shop_Note");
  const email = column("Shop_Customer", "Email");
  const phone = column("Shop_Customer", "Phone", { erasureAction: "anonymise", prov: at(12) });
  const billing = column("Shop_Order", "BillingEmail", { erasureAction: "keep", erasureReason: "invoices (tax law)", erasureRetention: "10 years" });
  const text = column("Shop_Note", "Text");
  const columnRows: ColumnRow[] = [
    { column: email, table: customer, category: null },
    { column: phone, table: customer, category: null },
    { column: billing, table: order, category: null },
    { column: text, table: note, category: null },
  ];
  const tableRows: TableRow[] = [customer, order, note].map((t) => ({ table: t, columns: columnRows.filter((r) => r.table === t).map((r) => ({ name: r.column.name, prov: r.column.prov, erasureAction: r.column.erasureAction, erasureReason: r.column.erasureReason, erasureRetention: r.column.erasureRetention })) }));
  const writers: WriterRow[] = [
    writer(email, { source: source("signup", "Users", 100), how: "fills", prov: at(101) }),
    writer(phone, { source: source("sync", "Users", 200), how: "copies", from: "column:shop/X.Y", prov: { at: ["shop.yaml:201"], mapping: "category" } }),
    writer(billing, { source: source("checkout", "Checkout", 300), how: "feeds", prov: at(301) }),
    writer(text, { source: source("import", "Users", 400), how: "feeds", prov: null }),
  ];
  const shape = WhereResponseSchema.pick({ columns: true, tables: true, sources: true });
  const w = shape.parse({ columns: whereColumns(columnRows), tables: whereTables(tableRows), sources: whereSources(writers) });

  it("gives each table the identity columns and erasure action its inventory states, and null where it states none (never a default)", () => {
    const stated = (l: number) => [{ kind: "stated", file: "shop.yaml", line: l }];
    expect(w.tables.find((t) => t.name === "Shop_Customer")).toMatchObject({
      columns: ["Email", "Phone"],
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
