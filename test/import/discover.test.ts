import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";

import { discoverPostgres, type Discovery } from "../../server/src/import/discover.postgres.js";
import { readImportFile, readLookup } from "../../server/src/import/import.service.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
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

beforeAll(async () => {
  postgres = await startPostgres();
  const client = new pg.Client({ connectionString: postgres.url });
  await client.connect();
  try {
    await client.query(SCHEMA);
  } finally {
    await client.end();
  }
  discovery = await discoverPostgres({ connectionString: postgres.url, schema: "shop", system: "fixture-shop-db" });
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

    const run = spawnSync(process.execPath, ["--import", "tsx", "server/src/import/discover.cli.ts", url.toString(), "--schema", "shop", "--out", out], {
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
