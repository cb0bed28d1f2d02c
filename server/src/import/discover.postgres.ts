/**
 * Reads live PostgreSQL schemas from the system catalogs (tables with their partitions folded in, views and
 * materialized views, columns and their types, foreign keys, what each view reads) and drafts an inventory for a person
 * to review: foreign keys become references, views become tables fed by copies of what they read, and columns whose
 * name or type looks like personal data get a SUGGESTED category (`suggested: true`). It only reads the database (in
 * read-only transactions) and never writes to the graph.
 */
import pg from "pg";
import { stringify } from "yaml";

import { parseViewDefinition, type ColumnMention } from "./discover.views.js";
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
  /** Schemas to read (`a,b` or a list; default `public`). The first one's tables keep their names, others' are `schema_table`. */
  schema?: string | readonly string[];
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

/** What the system catalogs say, as `readCatalog` reads it. Object ids are strings. */
export interface Catalog {
  database: string;
  schemas: string[];
  /** Every table, partitioned table, view and materialized view of the database's own schemas (not only those read). */
  relations: { oid: string; schema: string; name: string; kind: string; root: string | null; definition: string | null }[];
  /** Columns of the relations of the schemas read, partitions left out, in order. */
  columns: { rel: string; name: string; type: string; udt: string; notNull: boolean }[];
  primaryKeys: { rel: string; column: string }[];
  /** One row per referencing column, composite keys in key order. */
  foreignKeys: { rel: string; column: string; refRel: string }[];
  /** What each view reads, from `pg_depend`: a column, or `""` for a whole relation. */
  viewReads: { view: string; rel: string; column: string }[];
}

export function discoverSchemas(schema: DiscoverOptions["schema"]): string[] {
  const list = (typeof schema === "string" ? schema.split(",") : (schema ?? ["public"])).map((s) => s.trim()).filter(Boolean);
  return list.length > 0 ? [...new Set(list)] : ["public"];
}

/**
 * Reads the system catalogs (`pg_class`, `pg_attribute`, `pg_constraint`, `pg_depend`/`pg_rewrite`), which every role may
 * read: `information_schema` hides the constraints of tables a role may only SELECT from, and lists no materialized views.
 */
export async function readCatalog(client: pg.Client, schemas: string[]): Promise<Catalog> {
  // An empty search_path makes pg_get_viewdef qualify every relation with its schema.
  await client.query("set search_path = ''");
  await client.query("set session characteristics as transaction read only");
  const [{ db }] = (await client.query<{ db: string }>("select current_database() as db")).rows as [{ db: string }];
  const relations = await client.query<Catalog["relations"][number]>(
    `select c.oid::text as oid, n.nspname as schema, c.relname as name, c.relkind::text as kind,
            case when c.relispartition then pg_partition_root(c.oid)::oid::text end as root,
            case when c.relkind in ('v', 'm') and n.nspname = any($1) then pg_get_viewdef(c.oid, true) end as definition
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
      order by n.nspname, c.relname`,
    [schemas],
  );
  const columns = await client.query<Catalog["columns"][number]>(
    `select a.attrelid::text as rel, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, t.typname as udt, a.attnotnull as "notNull"
       from pg_attribute a
       join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace join pg_type t on t.oid = a.atttypid
      where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'f') and not c.relispartition and a.attnum > 0 and not a.attisdropped
      order by a.attrelid, a.attnum`,
    [schemas],
  );
  const primaryKeys = await client.query<Catalog["primaryKeys"][number]>(
    `select con.conrelid::text as rel, a.attname as column
       from pg_constraint con
       join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = con.conrelid and a.attnum = any(con.conkey)
      where con.contype = 'p' and n.nspname = any($1)`,
    [schemas],
  );
  // Constraints PostgreSQL clones onto partitions (conparentid set) repeat their parent's and are left out.
  const foreignKeys = await client.query<Catalog["foreignKeys"][number]>(
    `select con.conrelid::text as rel, a.attname as column, con.confrelid::text as "refRel"
       from pg_constraint con
       join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
       cross join lateral unnest(con.conkey) with ordinality as k(attnum, ord)
       join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
      where con.contype = 'f' and con.conparentid = 0 and n.nspname = any($1)
      order by c.relname, k.ord, con.conname`,
    [schemas],
  );
  const viewReads = await client.query<Catalog["viewReads"][number]>(
    `select distinct r.ev_class::text as view, d.refobjid::text as rel, coalesce(a.attname, '') as column
       from pg_rewrite r
       join pg_class v on v.oid = r.ev_class join pg_namespace n on n.oid = v.relnamespace
       join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid and d.refclassid = 'pg_class'::regclass and d.refobjid <> r.ev_class
       join pg_class t on t.oid = d.refobjid and t.relkind in ('r', 'p', 'v', 'm', 'f')
       left join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid and d.refobjsubid > 0
      where n.nspname = any($1) and v.relkind in ('v', 'm')
      order by 1, 2, 3`,
    [schemas],
  );
  return {
    database: db,
    schemas,
    relations: relations.rows,
    columns: columns.rows,
    primaryKeys: primaryKeys.rows,
    foreignKeys: foreignKeys.rows,
    viewReads: viewReads.rows,
  };
}

export async function discoverPostgres(opts: DiscoverOptions): Promise<Discovery> {
  const schemas = discoverSchemas(opts.schema);
  const client = new pg.Client({ connectionString: opts.connectionString });
  await client.connect();
  let catalog: Catalog;
  try {
    catalog = await readCatalog(client, schemas);
  } finally {
    await client.end();
  }
  const url = new URL(opts.connectionString);
  const where = `${url.hostname}${url.port ? `:${url.port}` : ""}/${catalog.database} (schema ${schemas.join(", ")})`;
  return { where, ...draftInventory(catalog, opts.system) };
}

type DraftColumn = NonNullable<InventoryInput["entities"][number]["columns"]>[number];
type DraftSource = NonNullable<InventoryInput["sources"]>[number];

const VIEW_KINDS: Record<string, string> = { v: "view", m: "materialized view" };

/**
 * The catalogs → an inventory for review. Partitions are folded into their parent (their foreign keys become the
 * parent's references). A view is a table whose columns are copies of what it reads: a column that is a plain column
 * reference is a stated copy of that column; a computed one (`first_name || ' ' || last_name`) a category-scoped copy of
 * the columns its expression reads, said in its description and by a source of its own.
 */
export function draftInventory(catalog: Catalog, system?: string): Omit<Discovery, "where"> {
  const { schemas } = catalog;
  const read = new Set(schemas);
  const rels = new Map(catalog.relations.map((r) => [r.oid, r]));
  const byName = new Map(catalog.relations.map((r) => [`${r.schema}\u0000${r.name}`, r.oid]));
  const isRead = (oid: string) => read.has(rels.get(oid)?.schema ?? "");
  // A partition (of a partition, …) stands for its root when the root is read.
  const fold = (oid: string) => {
    const root = rels.get(oid)?.root;
    return root && isRead(root) ? root : oid;
  };

  const warnings: string[] = [];
  const names = new Map<string, string>();
  const nameOf = (oid: string) => {
    let n = names.get(oid);
    if (!n) {
      const r = rels.get(oid)!;
      const raw = r.schema === schemas[0] ? r.name : `${r.schema}_${r.name}`;
      n = tableName(raw);
      if (n !== raw) warnings.push(`table '${raw}' is written as '${n}' (table names are letters, digits and '_')`);
      names.set(oid, n);
    }
    return n;
  };
  const label = (oid: string) => (rels.get(oid)!.schema === schemas[0] ? {} : { label: `${rels.get(oid)!.schema}.${rels.get(oid)!.name}` });
  const columnName = (raw: string) => raw.replace(/\./g, "_");

  const pk = new Set(catalog.primaryKeys.map((r) => `${fold(r.rel)}\u0000${r.column}`));
  const fk = new Map<string, string>();
  for (const r of catalog.foreignKeys) {
    const key = `${fold(r.rel)}\u0000${r.column}`;
    if (!fk.has(key)) fk.set(key, fold(r.refRel));
  }
  const partitions = new Map<string, string[]>();
  for (const r of catalog.relations) if (r.root && fold(r.oid) !== r.oid) partitions.set(r.root, [...(partitions.get(r.root) ?? []), r.name]);
  const columnsOf = new Map<string, Catalog["columns"]>();
  for (const c of catalog.columns) columnsOf.set(c.rel, [...(columnsOf.get(c.rel) ?? []), c]);

  const listed = catalog.relations
    .filter((r) => read.has(r.schema) && fold(r.oid) === r.oid)
    .sort((a, b) => schemas.indexOf(a.schema) - schemas.indexOf(b.schema) || a.name.localeCompare(b.name));
  const built = new Map<string, DraftColumn[]>();
  const sources: DraftSource[] = [];

  const tableColumns = (oid: string): DraftColumn[] =>
    (columnsOf.get(oid) ?? []).map((c) => {
      const key = `${oid}\u0000${c.name}`;
      const name = columnName(c.name);
      const type = `${c.type}${pk.has(key) ? ", primary key" : ""}${c.notNull ? ", not null" : ""}`;
      const target = fk.get(key);
      if (target) return { name, kind: "reference" as const, references: nameOf(target), description: type };
      const category = pk.has(key) ? undefined : suggestCategory(rels.get(oid)!.name, c.name, c.udt);
      if (category) return { name, kind: "personal" as const, category, suggested: true, description: type };
      return { name, kind: "system" as const, description: type };
    });

  const viewColumns = (oid: string, stack: Set<string>): DraftColumn[] => {
    const view = rels.get(oid)!;
    const viewName = nameOf(oid);
    const kind = VIEW_KINDS[view.kind]!;
    const reads = catalog.viewReads.filter((r) => r.view === oid).map((r) => ({ rel: fold(r.rel), column: r.column }));
    const readSet = new Set(reads.map((r) => `${r.rel}\u0000${r.column}`));
    const readRels = [...new Set(reads.map((r) => r.rel))];
    const outside = readRels.filter((r) => !isRead(r));
    if (outside.length > 0) {
      const list = outside.map((r) => `${rels.get(r)!.schema}.${rels.get(r)!.name}`).join(", ");
      warnings.push(`${kind} '${viewName}' reads ${list}, outside the schemas read: name ${outside.length === 1 ? "its schema" : "their schemas"} in --schema to pair those columns`);
    }
    const parsed = parseViewDefinition(view.definition ?? "", (q) => byName.has(`${q.schema}\u0000${q.name}`));
    const own = columnsOf.get(oid) ?? [];
    let targets = parsed.targets;
    if (!targets || targets.length !== own.length) {
      warnings.push(`${kind} '${viewName}': its definition is not one plain SELECT, so each column is taken as computed from every column it reads`);
      targets = null;
    }
    const resolve = (m: ColumnMention): { rel: string; column: string } | undefined => {
      let rel: string | undefined;
      if (m.qualifier) {
        const q = parsed.aliases.get(m.qualifier);
        rel = q && byName.get(`${q.schema}\u0000${q.name}`);
      } else if (readRels.length === 1) {
        rel = readRels[0];
      }
      if (!rel) return undefined;
      rel = fold(rel);
      return readSet.has(`${rel}\u0000${m.column}`) ? { rel, column: m.column } : undefined;
    };
    const input = (r: { rel: string; column: string }) => {
      if (!isRead(r.rel)) return undefined;
      const cols = built.get(r.rel) ?? (VIEW_KINDS[rels.get(r.rel)!.kind] && !stack.has(r.rel) ? buildView(r.rel, stack) : tableColumns(r.rel));
      const col = cols.find((c) => c.name === columnName(r.column));
      return col && { table: nameOf(r.rel), column: col };
    };

    const copies: { from: string; to: string }[] = [];
    const computedFrom = new Set<string>();
    const fills: string[] = [];
    const columns = own.map((c, i): DraftColumn => {
      const name = columnName(c.name);
      const t = targets?.[i];
      const paired = t?.plain ? resolve(t.plain) : undefined;
      if (paired) {
        const from = input(paired);
        if (from) {
          copies.push({ from: `${from.table}.${from.column.name}`, to: `${viewName}.${name}` });
          const description = `${c.type}; copy of ${from.table}.${from.column.name}`;
          if (from.column.kind === "personal") return { name, kind: "personal", category: from.column.category!, suggested: true, description };
          return { name, kind: "system", description };
        }
      }
      const mentioned = t ? t.mentions.map(resolve) : reads.filter((r) => r.column !== "").map((r) => r as { rel: string; column: string } | undefined);
      const inputs = [...new Map(mentioned.flatMap((m) => (m ? [[`${m.rel}\u0000${m.column}`, m] as const] : []))).values()].flatMap((m) => input(m) ?? []);
      if (inputs.length > 0) {
        for (const i of inputs) computedFrom.add(i.table);
        fills.push(`${viewName}.${name}`);
        const from = inputs.map((i) => `${i.table}.${i.column.name}`).join(", ");
        const categories = [...new Set(inputs.flatMap((i) => (i.column.kind === "personal" && i.column.category ? [i.column.category] : [])))];
        if (categories.length > 0) {
          const byOwnName = suggestCategory(view.name, c.name, c.udt);
          const category = byOwnName && categories.includes(byOwnName) ? byOwnName : categories[0]!;
          return { name, kind: "personal", category, suggested: true, description: `${c.type}; computed from ${from}: a category-scoped copy of their data, not a column-to-column one` };
        }
        return { name, kind: "system", description: `${c.type}; computed from ${from}` };
      }
      const category = suggestCategory(view.name, c.name, c.udt);
      if (category) return { name, kind: "personal", category, suggested: true, description: `${c.type}; computed` };
      return { name, kind: "system", description: `${c.type}; computed` };
    });

    const id = slugify(viewName) || "view";
    const title = `${kind[0]!.toUpperCase()}${kind.slice(1)} ${viewName}`;
    if (copies.length > 0) {
      sources.push({
        id: `view-${id}`,
        name: title,
        description: `PostgreSQL ${kind}: its columns that are plain column references, each a copy of the column it names.`,
        feeds: [viewName],
        copiesFrom: [...new Set(copies.map((c) => c.from.split(".")[0]!))],
        copies,
      });
    }
    if (fills.length > 0) {
      sources.push({
        id: `view-${id}-computed`,
        name: `${title}, computed columns`,
        description: `PostgreSQL ${kind}: columns computed from others; each receives the data categories of the columns its expression reads (a category-scoped copy).`,
        feeds: [viewName],
        copiesFrom: [...computedFrom],
        fills,
      });
    }
    return columns;
  };
  const buildView = (oid: string, stack: Set<string>): DraftColumn[] => {
    const done = built.get(oid);
    if (done) return done;
    const cols = viewColumns(oid, new Set([...stack, oid]));
    built.set(oid, cols);
    return cols;
  };

  for (const r of listed) if (!VIEW_KINDS[r.kind]) built.set(r.oid, tableColumns(r.oid));
  for (const r of listed) if (VIEW_KINDS[r.kind]) buildView(r.oid, new Set());

  const entities: InventoryInput["entities"] = listed.map((r) => {
    const parts = partitions.get(r.oid) ?? [];
    const kind = VIEW_KINDS[r.kind];
    const reads = kind ? [...new Set(catalog.viewReads.filter((v) => v.view === r.oid).map((v) => fold(v.rel)))].map((o) => (isRead(o) ? nameOf(o) : `${rels.get(o)!.schema}.${rels.get(o)!.name}`)) : [];
    const description = kind
      ? `PostgreSQL ${kind} reading ${reads.join(", ") || "no table"}`
      : parts.length > 0
        ? `partitioned table; its ${parts.length} partition(s) are folded in (${parts.length > 2 ? `${parts.sort()[0]} … ${parts.at(-1)}` : parts.sort().join(", ")})`
        : undefined;
    return { name: nameOf(r.oid), ...label(r.oid), kind: "table" as const, ...(description ? { description } : {}), columns: built.get(r.oid)! };
  });
  const present = new Set(entities.map((e) => e.name));
  for (const target of new Set(fk.values())) {
    const name = nameOf(target);
    if (!present.has(name)) {
      entities.push({ name, ...label(target), kind: "mentioned" });
      present.add(name);
    }
  }
  if (entities.length === 0) throw new Error(`schema ${schemas.join(", ")} of database '${catalog.database}' has no tables`);
  for (const e of entities) if (!EntityName.safeParse(e.name).success) warnings.push(`'${e.name}' is not a valid table name; rename it before loading`);

  const id = system ?? (slugify(catalog.database) || "database");
  return {
    warnings,
    inventory: {
      system: {
        id,
        name: catalog.database,
        kind: "self-hosted",
        description: `PostgreSQL database ${catalog.database}, schema ${schemas.join(", ")}, discovered from its system catalogs (partitions folded into their parents, views as copies of what they read).`,
      },
      entities,
      ...(sources.length > 0 ? { sources } : {}),
    },
  };
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
