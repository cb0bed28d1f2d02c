import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { copiedColumns, engagementIds, inventoriesToGraph } from "./inventory.graph.js";
import { inventoryJsonSchema } from "./inventory.json-schema.js";
import { parseInventoryText, readCatalogue, type Catalogue } from "./inventory.parse.js";
import { CATALOGUE_DIR, REPO_ROOT } from "./paths.js";

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
    columns:
      - { name: UserEmail, kind: personal, category: email-address }
      - { name: FacebookID, kind: personal, category: online-identifier }
  - name: Shop_Order
    columns:
      - { name: BillingEmail, kind: personal, category: email-address }
      - { name: ShippingEmail, kind: personal, category: email-address }
  - name: Shop_Review
    kind: mentioned
    columns:
      - { name: ReviewCustomerID, kind: reference, references: Shop_Customer }
sources:
  - { id: sync, name: User sync, feeds: [Shop_Customer], copiesFrom: [Shop_User] }
  - id: checkout
    name: Checkout
    feeds: [Shop_Order]
    copiesFrom: [Shop_Customer]
    copies: [{ from: Shop_Customer.Email, to: Shop_Order.BillingEmail }]
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

  it("builds ids with the shared helper, scoped by system: table:<system>/<name>, column:<system>/<table>.<column>", () => {
    expect(rows.scoped.map((n) => n.id)).toContain("table:shop/Shop_Customer");
    expect(rows.scoped.map((n) => n.id)).toContain("column:shop/Shop_Customer.Email");
  });

  it("expands Table.* to the table's personal columns only", () => {
    expect(rel("SENT_TO")).toEqual(["column:shop/Shop_Customer.Email -> vendor:paypal", "column:shop/Shop_Customer.Phone -> vendor:paypal"]);
  });

  it("folds a reference stated in both forms into one table edge", () => {
    const refs = rows.rels.filter((r) => r.type === "REFERENCES" && r.from.startsWith("table:"));
    expect(refs.map((r) => [r.from, r.to, r.props.forms])).toEqual([
      ["table:shop/Shop_Customer", "table:shop/Shop_User", ["outgoing"]],
      ["table:shop/Shop_Review", "table:shop/Shop_Customer", ["incoming"]],
    ]);
  });

  it("records a source's copy between tables, and column to column only the categories the origin holds", () => {
    expect(rel("COPIED_TO").filter((r) => r.startsWith("table:"))).toEqual(["table:shop/Shop_User -> table:shop/Shop_Customer", "table:shop/Shop_Customer -> table:shop/Shop_Order"]);
    // The user's email reaches the customer's email; the Facebook id has no column of its category there, so it goes nowhere.
    expect(rel("COPIED_TO").filter((r) => r.startsWith("column:shop/Shop_User"))).toEqual(["column:shop/Shop_User.UserEmail -> column:shop/Shop_Customer.Email"]);
  });

  it("lands a copy only in the fields the source says it fills in that table", () => {
    const [from, to] = [
      { name: "A", kind: "table" as const, subjects: [], columns: [{ name: "Mail", kind: "personal" as const, category: "email-address", purposes: [] }] },
      {
        name: "B",
        kind: "table" as const,
        subjects: [],
        columns: [
          { name: "To", kind: "personal" as const, category: "email-address", purposes: [] },
          { name: "Cc", kind: "personal" as const, category: "email-address", purposes: [] },
        ],
      },
    ];
    expect(copiedColumns([], from, to, ["B.To"])).toEqual({ mapping: "category", pairs: [["Mail", "To"]] });
    expect(copiedColumns([], from, to)).toEqual({
      mapping: "category",
      pairs: [
        ["Mail", "To"],
        ["Mail", "Cc"],
      ],
    });
    expect(copiedColumns([{ from: "A.Mail", to: "B.Cc" }], from, to)).toEqual({ mapping: "stated", pairs: [["Mail", "Cc", 0]] });
  });

  it("takes the stated column mappings of a copy as they are, instead of every column of the category, and says which is which", () => {
    expect(rel("COPIED_TO").filter((r) => r.startsWith("column:shop/Shop_Customer"))).toEqual(["column:shop/Shop_Customer.Email -> column:shop/Shop_Order.BillingEmail"]);
    const mappings = rows.rels.filter((r) => r.type === "COPIED_TO" && r.from.startsWith("column:")).map((r) => `${r.from} ${String(r.props.mapping)}`);
    expect(mappings).toEqual(["column:shop/Shop_User.UserEmail category", "column:shop/Shop_Customer.Email stated"]);
  });

  it("records each engagement with its transfer status, computed once when it is loaded", () => {
    const flow = rows.rels.find((r) => r.type === "USES_VENDOR" && r.from === "system:shop")!;
    expect(flow.props).toMatchObject({ flow: "shop/paypal", countries: ["US"], mechanism: null, transfer: "third-country" });
  });

  it("keeps vendors and countries shared, and flows tagged with their system", () => {
    expect(rows.shared.map((n) => n.id).sort()).toEqual(["category:email-address", "category:online-identifier", "category:phone-number", "location:US", "vendor:paypal"]);
    expect(rows.rels.find((r) => r.type === "LOCATED_IN")?.props.system).toBe("shop");
  });
});

describe("inventory.schema.json", () => {
  it("is the one generated from the zod schema (run `npm run schema:json` after changing it)", () => {
    const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, "seed", "inventory.schema.json"), "utf8")) as unknown;
    expect(committed).toEqual(inventoryJsonSchema());
  });
});

describe("engagementIds", () => {
  it("names each engagement by its system and vendor, and by service only when the system engages the vendor more than once; reordering keeps them", () => {
    const vendors = [
      { vendor: { id: "amazon" }, service: "EC2 Neo4J", purpose: "Cloud infrastructure" },
      { vendor: { id: "heroku" }, service: "Heroku", purpose: "Cloud platform" },
      { vendor: { id: "amazon" }, service: "RDS", purpose: "Cloud infrastructure" },
      { vendor: { id: "amazon" }, service: "RDS", purpose: "Backups" },
    ];
    expect(engagementIds("ambassify", vendors)).toEqual(["ambassify/amazon/ec2-neo4j", "ambassify/heroku", "ambassify/amazon/rds", "ambassify/amazon/rds-2"]);
    expect(engagementIds("ambassify", [vendors[1]!, vendors[0]!, vendors[2]!])).toEqual(["ambassify/heroku", "ambassify/amazon/ec2-neo4j", "ambassify/amazon/rds"]);
  });
});

describe("processing activities and the organisation (Art. 30)", () => {
  const RECORDS = `${SHOP}subjects:
  - { id: customer, name: Customer }
organisation: { name: Shop BV, contact: privacy@shop.example, dpo: { contact: dpo@shop.example } }
activities:
  - { id: sales, name: Sales, role: controller, lawfulBasis: contract, subjects: [customer], purposes: [pay], retention: 7 years, section: "Orders" }
`.replace("system: { id: shop, name: Shop, kind: self-hosted }", "system: { id: shop, name: Shop, kind: self-hosted, role: processor, security: { encryptionAtRest: true, logging: 90 days } }");

  it("makes an Activity node grouping its purposes and concerning its subjects, and keeps the organisation, role and security on the System node", () => {
    const rows = inventoriesToGraph([parseInventoryText("shop.yaml", RECORDS, catalogue)], catalogue);
    const activity = rows.scoped.find((n) => n.id === "activity:shop/sales")!;

    expect(activity.label).toBe("Activity");
    expect(activity.props).toMatchObject({ role: "controller", lawfulBasis: "contract", retention: "7 years", section: "Orders", controllers: null, specialCategoryCondition: null });
    expect(rows.rels.filter((r) => r.from === "activity:shop/sales").map((r) => `${r.type} ${r.to}`)).toEqual(["GROUPS purpose:shop/pay", "CONCERNS subject:shop/customer"]);
    expect(rows.scoped.find((n) => n.id === "system:shop")!.props).toMatchObject({
      orgName: "Shop BV",
      orgContact: "privacy@shop.example",
      dpoContact: "dpo@shop.example",
      dpoName: null,
      role: "processor",
      securityEncryptionAtRest: true,
      securityLogging: "90 days",
      securityAccessControl: null,
    });
  });

  it("refuses an activity naming an undeclared purpose or subject, and controllers on a controller's activity", () => {
    const bad = RECORDS.replace("purposes: [pay], retention", "purposes: [pay, refunds], retention").replace("subjects: [customer], purposes", "subjects: [buyer], purposes").replace("role: controller,", "role: controller, controllers: [Acme],");
    expect(() => parseInventoryText("shop.yaml", bad, catalogue)).toThrow(/activities\[0\]\.purposes\[1\]: unknown purpose 'refunds'[\s\S]*activities\[0\]\.subjects\[0\]: unknown data subject 'buyer'[\s\S]*activities\[0\]\.controllers/);
    expect(() => parseInventoryText("shop.yaml", RECORDS.replace("lawfulBasis: contract", "lawfulBasis: because"), catalogue)).toThrow(/activities\[0\]\.lawfulBasis/);
  });
});
