import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

import { discoverPostgres, discoveryYaml, type Discovery } from "../../server/src/import/discover.postgres.js";
import { readImportFile, readLookup } from "../../server/src/import/import.service.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { loadPagila } from "../support/pagila.js";
import { startPostgres, type TestPostgres } from "../support/postgres.js";

/** A small shop schema: composite and cross-schema foreign keys, personal columns and look-alikes that are not. */
const SCHEMA = `
  create schema shop;
  create schema billing;
  create table billing.invoice (id serial primary key, iban text);
  create table shop.customer (
    id serial primary key, email text not null, phone_number text, first_name text, last_name text,
    date_of_birth date, last_ip inet, created_at timestamptz default now(), updated_at timestamptz, status text
  );
  create table shop.address (id serial primary key, customer_id int not null references shop.customer(id), street text, city text, postcode text);
  create table shop.product (id serial primary key, name text, price numeric);
  create table shop."order" (
    id serial primary key, customer_id int references shop.customer(id), shipping_address_id int references shop.address(id),
    invoice_id int references billing.invoice(id), created_at timestamptz, total numeric
  );
  create table shop.order_line (order_id int, line_no int, product_id int references shop.product(id), quantity int, primary key (order_id, line_no));
  alter table shop.order_line add foreign key (order_id) references shop."order"(id);
  create table shop.shipment (id serial primary key, order_id int, line_no int, foreign key (order_id, line_no) references shop.order_line(order_id, line_no));
  create view billing.invoice_contact as
    select i.id as invoice_id, c.email, i.iban, upper(c.last_name) as last_name_upper
      from billing.invoice i join shop."order" o on o.invoice_id = i.id join shop.customer c on c.id = o.customer_id;
`;

/** Every foreign key of SCHEMA, one per referencing column: table.column → referenced table. */
const FOREIGN_KEYS = [
  "address.customer_id → customer",
  "order.customer_id → customer",
  "order.invoice_id → billing_invoice",
  "order.shipping_address_id → address",
  "order_line.order_id → order",
  "order_line.product_id → product",
  "shipment.line_no → order_line",
  "shipment.order_id → order_line",
];

let postgres: TestPostgres | undefined;
let discovery: Discovery;
/** The Pagila sample schema in a database of its own, as its owner sees it and as a role that may only SELECT. */
let pagila: Discovery;
let pagilaReadOnly: Discovery;

const inDatabase = (url: string, db: string, user?: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  if (user) u.username = user;
  return u.toString();
};

async function run(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  postgres = await startPostgres();
  await run(postgres.url, SCHEMA);
  discovery = await discoverPostgres({ connectionString: postgres.url, schema: "shop", system: "fixture-shop-db" });

  await run(postgres.url, "create database pagila");
  const client = new pg.Client({ connectionString: inDatabase(postgres.url, "pagila") });
  await client.connect();
  try {
    await loadPagila(client);
    await client.query("create role reader login; grant usage on schema public to reader; grant select on all tables in schema public to reader");
  } finally {
    await client.end();
  }
  pagila = await discoverPostgres({ connectionString: inDatabase(postgres.url, "pagila"), system: "pagila" });
  pagilaReadOnly = await discoverPostgres({ connectionString: inDatabase(postgres.url, "pagila", "reader"), system: "pagila" });
}, 180_000);

afterAll(() => {
  postgres?.stop();
});

const column = (table: string, name: string) => discovery.inventory.entities.find((e) => e.name === table)!.columns!.find((c) => c.name === name)!;

describe("discoverPostgres against a real PostgreSQL", () => {
  it("finds every table of the schema, with its columns in order", () => {
    expect(discovery.inventory.entities.filter((e) => e.kind === "table").map((e) => e.name).sort()).toEqual(["address", "customer", "order", "order_line", "product", "shipment"]);
    expect(discovery.inventory.entities.find((e) => e.name === "customer")!.columns!.map((c) => c.name)).toEqual([
      "id", "email", "phone_number", "first_name", "last_name", "date_of_birth", "last_ip", "created_at", "updated_at", "status",
    ]);
  });

  it("turns every foreign key into a reference, composite and cross-schema ones included", () => {
    const refs = discovery.inventory.entities.flatMap((e) => (e.columns ?? []).filter((c) => c.references).map((c) => `${e.name}.${c.name} → ${c.references}`));
    expect(refs.sort()).toEqual(FOREIGN_KEYS);
    expect(discovery.inventory.entities.find((e) => e.name === "billing_invoice")).toMatchObject({ kind: "mentioned" });
  });

  it("suggests categories for personal-looking columns, marked suggested", () => {
    expect(column("customer", "email")).toMatchObject({ kind: "personal", category: "email-address", suggested: true });
    expect(column("customer", "phone_number")).toMatchObject({ kind: "personal", category: "phone-number", suggested: true });
    expect(column("customer", "first_name")).toMatchObject({ category: "name", suggested: true });
    expect(column("customer", "date_of_birth")).toMatchObject({ category: "date-of-birth", suggested: true });
    expect(column("customer", "last_ip")).toMatchObject({ category: "ip-address", suggested: true });
    expect(column("address", "postcode")).toMatchObject({ category: "postal-address", suggested: true });
  });

  it("suggests nothing for timestamps, statuses, amounts, keys and a product's name", () => {
    for (const [t, c] of [["customer", "created_at"], ["customer", "updated_at"], ["customer", "status"], ["order", "total"], ["customer", "id"], ["product", "name"]] as const) {
      expect(column(t, c), `${t}.${c}`).toMatchObject({ kind: "system" });
      expect(column(t, c).suggested, `${t}.${c}`).toBeUndefined();
    }
  });

  it("writes, through `npm run discover`, a file that validates as an inventory and holds no password", async () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "pd-lineage-discover-")), "shop.yaml");
    const url = new URL(postgres!.url);
    url.password = "not-a-real-secret";

    const run = spawnSync(process.execPath, ["--import", "tsx", "server/src/cli/discover.cli.ts", url.toString(), "--schema", "shop", "--out", out], {
      cwd: REPO_ROOT,
      encoding: "utf8",
      env: { ...process.env, INIT_CWD: REPO_ROOT },
    });

    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).not.toContain("not-a-real-secret");
    expect((parse(text) as { system: { id: string } }).system.id).toBe("postgres");
    const { inventory } = await readImportFile(out, await readLookup());
    expect(inventory.entities.flatMap((e) => e.columns.filter((c) => c.references)).length).toBe(FOREIGN_KEYS.length);
  });
});

const entity = (d: Discovery, name: string) => d.inventory.entities.find((e) => e.name === name);
const source = (d: Discovery, id: string) => d.inventory.sources?.find((s) => s.id === id);

describe("discoverPostgres against the Pagila sample schema (partitions, views, a materialized view)", () => {
  it("folds the 55 monthly partitions of payment into payment", () => {
    const names = pagila.inventory.entities.map((e) => e.name);
    expect(names.filter((n) => n.startsWith("payment_p"))).toEqual([]);
    expect(entity(pagila, "payment")!.description).toContain("55 partition(s)");
    expect(entity(pagila, "payment")!.columns!.map((c) => c.name)).toEqual(["payment_id", "customer_id", "staff_id", "rental_id", "amount", "payment_date", "uuid"]);
  });

  it("gives the parent the references its partitions' foreign keys state", () => {
    const refs = entity(pagila, "payment")!.columns!.filter((c) => c.references).map((c) => `${c.name} → ${c.references}`);
    expect(refs).toEqual(["customer_id → customer", "staff_id → staff", "rental_id → rental"]);
  });

  it("lists views and the materialized view as tables", () => {
    const views = pagila.inventory.entities.filter((e) => e.description?.startsWith("PostgreSQL ")).map((e) => e.name).sort();
    expect(views).toEqual(["actor_info", "customer_list", "film_list", "nicer_but_slower_film_list", "rental_by_category", "sales_by_film_category", "sales_by_store", "staff_list"]);
    expect(entity(pagila, "rental_by_category")!.description).toMatch(/^PostgreSQL materialized view reading /);
  });

  it("makes each plain column reference of a view a stated copy of the column it names", () => {
    const view = source(pagila, "view-customer-list")!;
    expect(view.feeds).toEqual(["customer_list"]);
    expect(view.copies!.map((c) => `${c.from} → ${c.to}`)).toEqual([
      "customer.customer_id → customer_list.id",
      "address.address → customer_list.address",
      "address.postal_code → customer_list.zip code",
      "address.phone → customer_list.phone",
      "city.city → customer_list.city",
      "country.country → customer_list.country",
      "customer.store_id → customer_list.sid",
    ]);
    expect(source(pagila, "view-staff-list")!.copies).toContainEqual({ from: "address.phone", to: "staff_list.phone" });
    const phone = entity(pagila, "staff_list")!.columns!.find((c) => c.name === "phone")!;
    expect(phone).toMatchObject({ kind: "personal", category: "phone-number", suggested: true });
  });

  it("marks a computed column as a category-scoped copy of the columns its expression reads, never as a column pair", () => {
    const computed = source(pagila, "view-customer-list-computed")!;
    expect(computed.copiesFrom).toEqual(["customer"]);
    expect(computed.fills).toEqual(["customer_list.name", "customer_list.notes"]);
    expect(computed.copies ?? []).toEqual([]);
    const name = entity(pagila, "customer_list")!.columns!.find((c) => c.name === "name")!;
    expect(name).toMatchObject({ kind: "personal", category: "name", suggested: true });
    expect(name.description).toContain("computed from customer.first_name, customer.last_name: a category-scoped copy");
    expect(source(pagila, "view-customer-list")!.copies!.some((c) => c.to === "customer_list.name")).toBe(false);
    const manager = entity(pagila, "sales_by_store")!.columns!.find((c) => c.name === "manager")!;
    expect(manager).toMatchObject({ kind: "personal", category: "name" });
    expect([...source(pagila, "view-sales-by-store-computed")!.copiesFrom!].sort()).toEqual(["city", "country", "payment", "staff"]);
  });

  it("gives a read-only role the same answer as the schema's owner", () => {
    expect(pagilaReadOnly.inventory).toEqual(pagila.inventory);
    expect(pagilaReadOnly.warnings).toEqual(pagila.warnings);
  });

  it("drafts an inventory that validates and loads as ours", async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "pd-lineage-pagila-")), "pagila.yaml");
    writeFileSync(file, discoveryYaml(pagila));
    const { inventory } = await readImportFile(file, await readLookup());
    expect(inventory.sources.filter((s) => s.id.startsWith("view-")).length).toBeGreaterThanOrEqual(8);
  });
});

describe("discoverPostgres across schemas (--schema shop,billing)", () => {
  let both: Discovery;
  beforeAll(async () => {
    both = await discoverPostgres({ connectionString: postgres!.url, schema: "shop,billing", system: "fixture-shop-db" });
  });

  it("reads the second schema's tables as tables, named schema_table, and keeps the cross-schema reference", () => {
    expect(entity(both, "billing_invoice")).toMatchObject({ kind: "table", label: "billing.invoice" });
    expect(entity(both, "order")!.columns!.find((c) => c.name === "invoice_id")).toMatchObject({ kind: "reference", references: "billing_invoice" });
  });

  it("pairs a view's columns with the columns it reads in another schema", () => {
    expect(source(both, "view-billing-invoice-contact")!.copies!.map((c) => `${c.from} → ${c.to}`)).toEqual([
      "billing_invoice.id → billing_invoice_contact.invoice_id",
      "customer.email → billing_invoice_contact.email",
      "billing_invoice.iban → billing_invoice_contact.iban",
    ]);
    expect(source(both, "view-billing-invoice-contact-computed")).toMatchObject({ copiesFrom: ["customer"], fills: ["billing_invoice_contact.last_name_upper"] });
  });
});
