import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { inventoriesToGraph } from "./inventory.graph.js";
import { parseInventoryText, readCatalogue, type Catalogue } from "./inventory.parse.js";
import { CATALOGUE_DIR, REPO_ROOT } from "./paths.js";
import { inventoryJsonSchema } from "./write-json-schema.js";

const catalogue: Catalogue = await readCatalogue(CATALOGUE_DIR);

const SHOP = `
system: { id: shop, name: Shop, kind: self-hosted }
purposes:
  - { id: pay, name: Payment, vendors: [paypal] }
entities:
  - name: Shop_Customer
    columns:
      - { name: Email, kind: personal, category: email-address, purposes: [pay] }
      - { name: Phone, kind: personal, category: phone-number }
      - { name: CustomerID, kind: system }
      - { name: UserID, kind: reference, references: Shop_User }
  - name: Shop_User
    kind: mentioned
  - name: Shop_Review
    kind: mentioned
    columns:
      - { name: ReviewCustomerID, kind: reference, references: Shop_Customer }
sources:
  - { id: sync, name: User sync, feeds: [Shop_Customer], copiesFrom: [Shop_User] }
references:
  - { from: Shop_Review, columns: [ReviewCustomerID], to: Shop_Customer }
vendors:
  - vendor: { id: paypal, name: PayPal }
    purpose: Payment
    entityCountry: US
    receives: [Shop_Customer.*]
`;

describe("inventoriesToGraph", () => {
  const rows = inventoriesToGraph([parseInventoryText("shop.yaml", SHOP, catalogue)], catalogue);
  const rel = (type: string) => rows.rels.filter((r) => r.type === type).map((r) => `${r.from} -> ${r.to}`);

  it("builds ids with the shared helper: table:<name>, column:<table>.<column>", () => {
    expect(rows.scoped.map((n) => n.id)).toContain("table:Shop_Customer");
    expect(rows.scoped.map((n) => n.id)).toContain("column:Shop_Customer.Email");
  });

  it("expands Table.* to the table's personal columns only", () => {
    expect(rel("SENT_TO")).toEqual(["column:Shop_Customer.Email -> vendor:paypal", "column:Shop_Customer.Phone -> vendor:paypal"]);
  });

  it("folds a reference stated in both forms into one table edge", () => {
    const refs = rows.rels.filter((r) => r.type === "REFERENCES" && r.from.startsWith("table:"));
    expect(refs.map((r) => [r.from, r.to, r.props.forms])).toEqual([
      ["table:Shop_Customer", "table:Shop_User", ["outgoing"]],
      ["table:Shop_Review", "table:Shop_Customer", ["incoming"]],
    ]);
  });

  it("records a source's copy as a table-to-table flow", () => {
    expect(rel("COPIED_TO")).toEqual(["table:Shop_User -> table:Shop_Customer"]);
  });

  it("keeps vendors and countries shared, and flows tagged with their system", () => {
    expect(rows.shared.map((n) => n.id).sort()).toEqual(["category:email-address", "category:phone-number", "location:US", "vendor:paypal"]);
    expect(rows.rels.find((r) => r.type === "LOCATED_IN")?.props.system).toBe("shop");
  });
});

describe("inventory.schema.json", () => {
  it("is the one generated from the zod schema (run `npm run schema:json` after changing it)", () => {
    const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, "seed", "inventory.schema.json"), "utf8")) as unknown;
    expect(committed).toEqual(inventoryJsonSchema());
  });
});
