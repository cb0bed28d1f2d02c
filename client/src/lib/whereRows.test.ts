import type { WhereResponse } from "@contract/api";
import { describe, expect, it } from "vitest";

import { toCsv, whereRows } from "./rows";
import { readTicks, ticksKey, writeTicks } from "./ticks";

const at = (line: number) => [{ kind: "stated" as const, file: "shop.yaml", line, document: "Shop data", section: "Customers" }];
const where: WhereResponse = {
  asked: { id: "subject:shop/customer", kind: "subject", name: "Customer", system: null },
  columnCount: 0,
  columns: [],
  tableCount: 3,
  tablesNext: null,
  referencingCount: 1,
  referencingNext: null,
  tables: [
    { id: "table:shop/Shop_Customer", system: "shop", name: "Shop_Customer", title: null, columns: ["Email", "Phone"], identity: { columns: ["CustomerID"], basis: "stated", provenance: at(10) }, erasure: { action: "erase", reason: null, retention: null, provenance: at(10) }, columnErasure: [{ column: "Phone", action: "anonymise", reason: null, retention: null, provenance: at(14) }], provenance: at(10) },
    { id: "table:shop/Shop_Order", system: "shop", name: "Shop_Order", title: "Orders", columns: ["BillingEmail"], identity: null, erasure: { action: "keep", reason: "invoices (tax law)", retention: "10 years", provenance: at(20) }, columnErasure: [], provenance: at(20) },
    { id: "table:shop/Shop_Note", system: "shop", name: "Shop_Note", title: null, columns: ["Text"], identity: null, erasure: null, columnErasure: [], provenance: at(30) },
  ],
  referencing: [{ id: "table:shop/Shop_Review", system: "shop", name: "Shop_Review", title: null, references: "table:shop/Shop_Customer", referencesName: "Shop_Customer", columns: ["ReviewCustomerID"], erasure: null, provenance: at(41) }],
  sources: [{ key: "shop/Users", system: "shop", name: "Users", count: 3, how: ["fills", "copies"], columns: ["column:shop/Shop_Customer.Email"], provenance: [...at(50), { kind: "inferred", rule: "same-category" }], sources: [] }],
  vendors: [
    { id: "vendor:mailjet", name: "Mailjet", flow: "shop/mailjet", system: "shop", service: null, purpose: "Newsletter", legalName: null, transfer: "eea", mechanism: null, safeguard: "not documented", countries: [], columns: ["column:shop/Shop_Customer.Email"], retention: "30 days", privacyContact: "dpo@mailjet.example", provenance: at(60) },
    { id: "vendor:paypal", name: "PayPal", flow: "shop/paypal", system: "shop", service: null, purpose: "Payment", legalName: null, transfer: "not-stated", mechanism: null, safeguard: "not documented", countries: [], columns: [], retention: null, privacyContact: null, provenance: at(70) },
  ],
};

describe("whereRows", () => {
  const set = whereRows(where, new Set(["table:shop/Shop_Customer", "shop/paypal"]));
  const row = (item: string) => set.rows.find((r) => r.item === item)!;

  it("words the identity key, the erasure action and the vendor route as the server states them, 'not stated' where it is silent", () => {
    expect(row("Shop_Customer")).toMatchObject({ identity: "CustomerID (stated)", action: "erase; Phone: anonymise", done: "yes" });
    expect(row("Shop_Order")).toMatchObject({ identity: "not stated", action: "keep: invoices (tax law); retention: 10 years", done: "no" });
    expect(row("Shop_Note")).toMatchObject({ identity: "not stated", action: "not stated" });
    expect(row("Shop_Review")).toMatchObject({ identity: "ReviewCustomerID (references Shop_Customer)", action: "not stated" });
    expect(row("Mailjet")).toMatchObject({ route: "dpo@mailjet.example", action: "retention: 30 days", done: "no" });
    expect(row("PayPal")).toMatchObject({ route: "not stated", action: "retention: not stated", done: "yes" });
  });

  it("shows sources grouped by name with their count, and writes the ticks in the CSV's Done column", () => {
    expect(row("Users × 3")).toMatchObject({ group: "Sources", id: "sources:shop/Users" });
    const csv = toCsv(set).split("\r\n");
    expect(csv[0]).toBe("Group,Item,System,Identity key,Erasure action,Vendor route,Detail,Where it is stated,Done");
    expect(csv.find((l) => l.includes("Shop_Customer,shop"))).toMatch(/,yes$/);
  });

  it("cites where each item is stated, each citation once (a table's entry also states its key and action), in the list and the CSV", () => {
    expect(row("Shop_Customer").provenance).toEqual(["shop.yaml:10 · from 'Shop data', Customers", "shop.yaml:14 · from 'Shop data', Customers"]);
    expect(row("Users × 3").provenance).toEqual(["shop.yaml:50 · from 'Shop data', Customers", "inferred (same-category)"]);
    expect(set.provenance.get("shop/mailjet")).toEqual(at(60));
    expect(toCsv(set)).toContain(`"shop.yaml:50 · from 'Shop data', Customers; inferred (same-category)"`);
  });
});

describe("ticks", () => {
  it("are kept per question and read back; a broken stored value is no ticks, not an error", () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v), removeItem: (k: string) => void store.delete(k) };
    const key = ticksKey("subject:kentico/user", null);
    expect(key).not.toBe(ticksKey("subject:kentico/user", "kentico"));
    writeTicks(storage, key, new Set(["b", "a"]));
    expect([...readTicks(storage, key)]).toEqual(["a", "b"]);
    writeTicks(storage, key, new Set());
    expect(store.has(key)).toBe(false);
    store.set(key, "{not json");
    expect(readTicks(storage, key).size).toBe(0);
  });
});
