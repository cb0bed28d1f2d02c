/**
 * Reads a live PostgreSQL schema from `information_schema` (tables, columns and their types, foreign keys) and
 * drafts an inventory for a person to review: foreign keys become references, and columns whose name or type
 * looks like personal data get a SUGGESTED category (`suggested: true`). Nothing is written to the graph.
 */
import pg from "pg";
import { stringify } from "yaml";

import { slugify } from "./import.source.js";
import { EntityName, type InventoryInput } from "../inventory/inventory.schema.js";

/** Column name (snake_case, camelCase split) → category, first match wins: `ip_address` before `address`. */
export const SUGGESTION_RULES: { category: string; name: RegExp }[] = [
  { category: "email-address", name: /(^|_)e_?mail(_|$)|email/ },
  { category: "ip-address", name: /(^|_)(ip|ipv4|ipv6|ip_address|ip_addr|remote_addr|client_ip)(_|$)/ },
  { category: "phone-number", name: /(^|_)(phone|mobile|telephone|tel|fax|msisdn|cell_?phone)(_|$)/ },
  { category: "name", name: /(^|_)(first|last|given|family|middle|full|display|sur|maiden)_?name(_|$)|(^|_)surname(_|$)|(^|_)(firstname|lastname|fullname)(_|$)/ },
  { category: "date-of-birth", name: /(^|_)(dob|birth_?date|date_of_birth|birthday|born_on|birth)(_|$)/ },
  { category: "gender", name: /(^|_)(gender|sex)(_|$)/ },
  { category: "username", name: /(^|_)(username|user_name|login|nickname|screen_name|handle)(_|$)/ },
  { category: "password", name: /(^|_)(password|passwd|pwd|password_hash|pass_hash)(_|$)/ },
  { category: "financial-information", name: /(^|_)(iban|bic|swift|card|card_number|credit_card|cc_number|pan|bank_account|account_number|tax_id|vat_number)(_|$)/ },
  { category: "identification-data", name: /(^|_)(ssn|passport|passport_number|national_id|id_number|drivers_license|social_security)(_|$)/ },
  { category: "postal-address", name: /(^|_)(address|street|address_line|addr|city|town|zip|zip_code|zipcode|postcode|post_code|postal_code|postalcode|country)(_|$)/ },
  { category: "location", name: /(^|_)(latitude|longitude|lat|lng|lon|geo|geolocation|coordinates)(_|$)/ },
  { category: "device-information", name: /(^|_)(user_agent|useragent|device|device_id|browser)(_|$)/ },
  { category: "photo", name: /(^|_)(avatar|photo|picture|profile_image|profile_picture)(_|$)/ },
  { category: "professional-information", name: /(^|_)(job_title|employer|company_name|occupation)(_|$)/ },
];

/** A bare `name` is a person's name only in a table of people. */
const PEOPLE_TABLE = /(user|customer|person|people|member|employee|contact|client|patient|student|author|profile|account|subscriber|lead)/i;

function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9]+/g, "_")
    .toLowerCase();
}

/** The suggested category of a column, if its name (or type, for `inet`) looks like personal data. */
export function suggestCategory(table: string, column: string, udtType: string): string | undefined {
  if (/^(inet|cidr)$/.test(udtType)) return "ip-address";
  const n = snake(column);
  if (n === "name" && PEOPLE_TABLE.test(table)) return "name";
  return SUGGESTION_RULES.find((r) => r.name.test(n))?.category;
}

export interface DiscoverOptions {
  connectionString: string;
  schema?: string;
  /** System id; default: the database's name. */
  system?: string;
}

export interface Discovery {
  inventory: InventoryInput;
  warnings: string[];
  /** The database, without credentials, for the file's header. */
  where: string;
}

/** Names outside `[A-Za-z][A-Za-z0-9_]*` are made into table names the inventory accepts. */
function tableName(raw: string): string {
  const s = raw.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[A-Za-z]/.test(s) ? s : `T_${s}`;
}

export async function discoverPostgres(opts: DiscoverOptions): Promise<Discovery> {
  const schema = opts.schema ?? "public";
  const client = new pg.Client({ connectionString: opts.connectionString });
  await client.connect();
  try {
    const [{ db }] = (await client.query<{ db: string }>("select current_database() as db")).rows as [{ db: string }];
    const tables = await client.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by table_name",
      [schema],
    );
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: string }>(
      `select table_name, column_name, data_type, udt_name, is_nullable
         from information_schema.columns where table_schema = $1 order by table_name, ordinal_position`,
      [schema],
    );
    const primaryKeys = await client.query<{ table_name: string; column_name: string }>(
      `select kcu.table_name, kcu.column_name
         from information_schema.table_constraints tc
         join information_schema.key_column_usage kcu
           on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name
        where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = $1`,
      [schema],
    );
    // Referencing column → referenced table, pairing the columns of composite keys by position.
    const foreignKeys = await client.query<{ table_name: string; column_name: string; ref_schema: string; ref_table: string }>(
      `select kcu.table_name, kcu.column_name, ref.table_schema as ref_schema, ref.table_name as ref_table
         from information_schema.referential_constraints rc
         join information_schema.key_column_usage kcu
           on kcu.constraint_schema = rc.constraint_schema and kcu.constraint_name = rc.constraint_name
         join information_schema.key_column_usage ref
           on ref.constraint_schema = rc.unique_constraint_schema and ref.constraint_name = rc.unique_constraint_name
          and ref.ordinal_position = kcu.position_in_unique_constraint
        where kcu.table_schema = $1
        order by kcu.table_name, kcu.ordinal_position`,
      [schema],
    );

    const warnings: string[] = [];
    const names = new Map<string, string>();
    const nameOf = (raw: string) => {
      let n = names.get(raw);
      if (!n) {
        n = tableName(raw);
        if (n !== raw) warnings.push(`table '${raw}' is written as '${n}' (table names are letters, digits and '_')`);
        names.set(raw, n);
      }
      return n;
    };
    const pk = new Set(primaryKeys.rows.map((r) => `${r.table_name}\u0000${r.column_name}`));
    const fk = new Map<string, string>();
    const mentioned = new Set<string>();
    for (const r of foreignKeys.rows) {
      const key = `${r.table_name}\u0000${r.column_name}`;
      if (fk.has(key)) continue;
      const target = r.ref_schema === schema ? nameOf(r.ref_table) : nameOf(`${r.ref_schema}_${r.ref_table}`);
      if (r.ref_schema !== schema) mentioned.add(target);
      fk.set(key, target);
    }

    const entities: InventoryInput["entities"] = tables.rows.map((t) => {
      const cols = columns.rows.filter((c) => c.table_name === t.table_name);
      return {
        name: nameOf(t.table_name),
        kind: "table" as const,
        columns: cols.map((c) => {
          const key = `${c.table_name}\u0000${c.column_name}`;
          const name = c.column_name.replace(/\./g, "_");
          const type = `${c.data_type}${pk.has(key) ? ", primary key" : ""}${c.is_nullable === "NO" ? ", not null" : ""}`;
          const references = fk.get(key);
          if (references) return { name, kind: "reference" as const, references, description: type };
          const category = pk.has(key) ? undefined : suggestCategory(t.table_name, c.column_name, c.udt_name);
          if (category) return { name, kind: "personal" as const, category, suggested: true, description: type };
          return { name, kind: "system" as const, description: type };
        }),
      };
    });
    for (const m of mentioned) if (!entities.some((e) => e.name === m)) entities.push({ name: m, kind: "mentioned" });
    if (entities.length === 0) throw new Error(`schema '${schema}' of database '${db}' has no tables`);
    for (const e of entities) if (!EntityName.safeParse(e.name).success) warnings.push(`'${e.name}' is not a valid table name; rename it before loading`);

    const url = new URL(opts.connectionString);
    const where = `${url.hostname}${url.port ? `:${url.port}` : ""}/${db} (schema ${schema})`;
    const id = opts.system ?? (slugify(db) || "database");
    return {
      where,
      warnings,
      inventory: {
        system: { id, name: db, kind: "self-hosted", description: `PostgreSQL database ${db}, schema ${schema}, discovered from information_schema.` },
        entities,
      },
    };
  } finally {
    await client.end();
  }
}

/** The inventory as a YAML file for review: a header that says what to check, then the inventory. */
export function discoveryYaml(d: Discovery, when = new Date()): string {
  const suggested = d.inventory.entities.flatMap((e) => e.columns ?? []).filter((c) => c.suggested).length;
  return [
    `# Discovered from PostgreSQL ${d.where} on ${when.toISOString().slice(0, 10)} by \`npm run discover\`.`,
    `# ${suggested} column(s) have a category SUGGESTED from their name or type (\`suggested: true\`): confirm or correct`,
    "# each (and remove `suggested`), mark other personal columns, add purposes, sources and vendors (seed/FORMAT.md),",
    "# then `npm run validate -- <this file>` and `npm run import -- <this file>`.",
    stringify(d.inventory, { lineWidth: 0, collectionStyle: "block" }),
  ].join("\n");
}
