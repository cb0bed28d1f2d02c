/**
 * The spreadsheet layout: one row per field (column) of a table, one file per system. Headers are matched
 * ignoring case, spaces, dashes and underscores; cells holding several values separate them with `;`.
 * See README "Model your own system" and seed/examples/inventory-template.csv.
 */
import path from "node:path";

import { CsvError, parse } from "csv-parse/sync";

import type { CatalogueLookup } from "./catalogue.lookup.js";
import { normalise } from "./catalogue.lookup.js";
import { BuiltSource, slugify, splitMulti, type ImportedInventory, type Origin } from "./import.source.js";
import { InventoryValidationError, validateInventory, type InventoryIssue } from "../inventory/inventory.parse.js";
import { EntityName, FieldName, type Activity, type InventoryInput, type ProcessingRoleName } from "../inventory/inventory.schema.js";

/** The sheet's columns: the header as documented, then other spellings accepted for it. */
export const CSV_COLUMNS = {
  system: ["system", "system name", "application"],
  table: ["table", "entity", "collection", "record"],
  column: ["column", "field", "data element", "attribute"],
  category: ["data category", "category", "data categories"],
  purpose: ["purpose", "purposes", "purpose of processing"],
  source: ["source", "sources", "data source"],
  vendor: ["recipient vendor", "recipient", "recipients", "vendor", "vendors", "processor"],
  country: ["vendor country", "vendor countries", "country", "countries", "data location"],
  retention: ["retention", "retention period"],
  references: ["references", "reference", "foreign key", "references table"],
  subject: ["data subject", "data subjects", "subject", "subjects"],
  description: ["description", "notes", "comment"],
  /** Copied into another of our systems: `system/Table.Column` (that column) or `system/Table` (by category). */
  copiedTo: ["copied to", "copies to", "copy to", "copied into"],
  /** Another of our systems this field's category is sent to, without naming its tables. */
  sentToSystem: ["sent to system", "sends to system", "to system"],
  identity: ["identity key", "identifies subject", "identity"],
  erasure: ["erasure action", "erasure", "on erasure"],
  privacyContact: ["vendor privacy contact", "privacy contact", "vendor route"],
  // Records of processing (Art. 30): the activity a row's purposes belong to and its facts, the same in every row of it.
  activity: ["processing activity", "activity"],
  role: ["role", "activity role"],
  controllers: ["controllers served", "controller served", "controllers"],
  lawfulBasis: ["lawful basis", "legal basis", "legal basis for processing"],
  legitimateInterest: ["legitimate interest"],
  liaLink: ["lia link", "legitimate interest assessment", "lia"],
  specialCategoryCondition: ["special category condition", "article 9 condition", "art 9 condition"],
  volume: ["volume", "number of data subjects"],
  activityRetention: ["activity retention", "retention of the activity"],
  automatedDecisions: ["automated decisions", "automated decision making"],
  // The system and its organisation: the same in every row that fills them.
  systemRole: ["system role", "default role"],
  hostingCountries: ["hosting countries", "system hosting countries"],
  legalEntity: ["legal entity", "system legal entity"],
  legalEntityCountry: ["legal entity country", "system legal entity country"],
  orgName: ["controller name", "organisation", "organization"],
  orgContact: ["controller contact"],
  orgAddress: ["controller address"],
  dpoName: ["dpo name"],
  dpoContact: ["dpo contact", "dpo"],
  repName: ["representative name", "eu representative"],
  repContact: ["representative contact", "eu representative contact"],
  encryptionAtRest: ["encryption at rest"],
  encryptionInTransit: ["encryption in transit"],
  accessControl: ["access control"],
  pseudonymisation: ["pseudonymisation", "pseudonymization"],
  logging: ["logging"],
  securityNotes: ["security measures", "security notes", "security"],
} as const;
export type CsvColumn = keyof typeof CSV_COLUMNS;
const REQUIRED: CsvColumn[] = ["system", "table", "column"];

const HEADER_OF = new Map<string, CsvColumn>(
  (Object.entries(CSV_COLUMNS) as [CsvColumn, readonly string[]][]).flatMap(([key, names]) => names.map((n) => [normalise(n), key] as const)),
);

function letter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Row {
  cells: string[];
  /** Spreadsheet row: the header is row 1. */
  row: number;
  /** File line the record ends on (= the row unless a cell holds line breaks). */
  line: number;
}

function readRows(file: string, text: string): Row[] {
  try {
    const records = parse(text, { bom: true, delimiter: /\.tsv$/i.test(file) ? "\t" : ",", info: true, relax_column_count: true, skip_empty_lines: false, trim: true }) as unknown as {
      record: string[];
      info: { lines: number; records: number };
    }[];
    return records.map((r) => ({ cells: r.record, row: r.info.records, line: r.info.lines }));
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines ?? null;
      throw new InventoryValidationError([{ file, line, field: "", message: `not valid CSV: ${err.message}` }]);
    }
    throw err;
  }
}

export function parseCsvInventory(file: string, text: string, lookup: CatalogueLookup): ImportedInventory {
  const rows = readRows(file, text);
  const header = rows[0];
  if (!header) throw new InventoryValidationError([{ file, line: 1, field: "", message: "the file is empty (expected a header row)" }]);

  const issues: InventoryIssue[] = [];
  const warnings: InventoryIssue[] = [];
  const at = (r: Row, col: CsvColumn | undefined, message: string): InventoryIssue => {
    const index = col ? columnIndex.get(col) : undefined;
    return { file, line: r.line, row: r.row, column: index === undefined ? "?" : letter(index), field: col ? CSV_COLUMNS[col][0] : "", message };
  };

  const columnIndex = new Map<CsvColumn, number>();
  header.cells.forEach((h, i) => {
    const key = HEADER_OF.get(normalise(h));
    if (!h) return;
    if (!key) warnings.push({ file, line: header.line, row: 1, column: letter(i), field: h, message: `column '${h}' is not part of the layout and is ignored` });
    else if (columnIndex.has(key)) issues.push({ file, line: header.line, row: 1, column: letter(i), field: h, message: `'${h}' repeats column ${letter(columnIndex.get(key)!)}` });
    else columnIndex.set(key, i);
  });
  for (const key of REQUIRED) {
    if (!columnIndex.has(key)) issues.push({ file, line: header.line, row: 1, column: "?", field: CSV_COLUMNS[key][0], message: `the header has no '${CSV_COLUMNS[key][0]}' column` });
  }
  if (issues.length > 0) throw new InventoryValidationError(issues);

  const cell = (r: Row, col: CsvColumn): string => {
    const i = columnIndex.get(col);
    return i === undefined ? "" : (r.cells[i] ?? "").trim();
  };

  const records = new CsvRecords(
    (r, col) => cell(r, col),
    (r, col, message) => issues.push(at(r, col, message)),
    (text) => lookup.country(text),
  );
  let system: { name: string; row: number } | undefined;
  const entities = new Map<string, { name: string; kind: "table" | "mentioned"; subjects: string[]; identity: string[]; columns: NonNullable<InventoryInput["entities"][number]["columns"]> }>();
  const origins: { path: (string | number)[]; origin: Origin }[] = [];
  const subjects = new Map<string, string>();
  const purposes = new Map<string, { id: string; name: string; vendors: string[] }>();
  const sources = new Map<string, { id: string; name: string; feeds: Set<string>; fills: Set<string> }>();
  // `receivedAt`: the row that names each field a vendor receives, which provenance cites.
  type VendorRow = { name: string; purposes: Set<string>; countries: Set<string>; retention: Set<string>; receives: Set<string>; receivedAt: Map<string, Row>; row: Row; privacyContact?: string };
  const vendors = new Map<string, VendorRow>();
  const references: NonNullable<InventoryInput["references"]> = [];
  const referenced = new Map<string, Row>();
  // Flows into our other systems, by target system id: copies by (our table, their table), and categories sent.
  type Copy = { from: string; to: string; columns: { from: string; to: string }[] };
  const systemFlows = new Map<string, { copies: Map<string, Copy>; categories: Set<string> }>();
  const systemFlow = (target: string) => {
    const f = systemFlows.get(target) ?? { copies: new Map<string, Copy>(), categories: new Set<string>() };
    systemFlows.set(target, f);
    return f;
  };

  for (const r of rows.slice(1)) {
    if (r.cells.every((c) => !c.trim())) continue;
    const before = issues.length;
    const systemName = cell(r, "system");
    const table = cell(r, "table");
    const column = cell(r, "column");
    if (!systemName) issues.push(at(r, "system", "is empty (every row names its system)"));
    else if (!system) system = { name: systemName, row: r.row };
    else if (system.name !== systemName) issues.push(at(r, "system", `is '${systemName}', but row ${system.row} says '${system.name}': one file describes one system`));
    if (!table) issues.push(at(r, "table", "is empty"));
    else if (!EntityName.safeParse(table).success) issues.push(at(r, "table", `'${table}' must be a table name of letters, digits and underscores, e.g. 'CRM_Lead'`));
    if (!column) issues.push(at(r, "column", "is empty"));
    else if (!FieldName.safeParse(column).success) issues.push(at(r, "column", `'${column}' must not contain '.'`));

    const categoryText = cell(r, "category");
    const category = categoryText ? lookup.category(categoryText) : undefined;
    if (categoryText && !category) {
      issues.push(at(r, "category", `unknown data category '${categoryText}' (use an id, name or alias from seed/catalogue/categories.yaml, or a fideslang key)`));
    }
    let refTable = cell(r, "references");
    if (refTable.includes(".")) refTable = refTable.slice(0, refTable.indexOf("."));
    if (refTable && !EntityName.safeParse(refTable).success) issues.push(at(r, "references", `'${refTable}' must be a table name (or 'Table.Column')`));

    const vendorNames = splitMulti(cell(r, "vendor"));
    const countries: string[] = [];
    for (const c of splitMulti(cell(r, "country"))) {
      const code = lookup.country(c);
      if (code) countries.push(code);
      else issues.push(at(r, "country", `unknown country '${c}' (use an ISO code, alpha-2 or alpha-3, or the country's name)`));
    }
    if (countries.length > 0 && vendorNames.length === 0) issues.push(at(r, "country", "a vendor country needs a recipient vendor in the same row"));
    const copiedTo = splitMulti(cell(r, "copiedTo")).map((v) => {
      const m = /^([^/]+)\/([A-Za-z][A-Za-z0-9_]*)(?:\.(.+))?$/.exec(v);
      if (!m || !slugify(m[1]!)) issues.push(at(r, "copiedTo", `'${v}' must be 'system/Table.Column' or 'system/Table' (a table of another of our systems)`));
      return m ? { system: slugify(m[1]!), table: m[2]!, column: m[3] ?? null } : null;
    });
    const sentTo = splitMulti(cell(r, "sentToSystem")).map(slugify);
    if (sentTo.length > 0 && !category) issues.push(at(r, "sentToSystem", "names a system the field is sent to, but the row has no data category (what is sent)"));
    for (const list of ["purpose", "source", "vendor", "subject", "sentToSystem"] as const) {
      for (const v of splitMulti(cell(r, list))) if (!slugify(v)) issues.push(at(r, list, `'${v}' has no letters or digits to make an id from`));
    }
    const checklist = checklistCells(cell(r, "identity"), cell(r, "erasure"), (col, message) => issues.push(at(r, col, message)));
    const privacyContact = cell(r, "privacyContact");
    if (privacyContact && vendorNames.length === 0) issues.push(at(r, "privacyContact", "a vendor privacy contact needs a recipient vendor in the same row"));
    if (issues.length > before) continue;

    const entity = entities.get(table) ?? { name: table, kind: "table" as const, subjects: [], identity: [], columns: [] };
    if (entity.kind === "mentioned") entity.kind = "table";
    entities.set(table, entity);
    if (entity.columns.some((c) => c.name === column)) {
      issues.push(at(r, "column", `column '${column}' of '${table}' is already described in an earlier row`));
      continue;
    }
    for (const s of splitMulti(cell(r, "subject"))) {
      subjects.set(slugify(s), s);
      if (!entity.subjects.includes(slugify(s))) entity.subjects.push(slugify(s));
    }

    const purposeIds = splitMulti(cell(r, "purpose")).map((name) => {
      const id = slugify(name);
      if (!purposes.has(id)) purposes.set(id, { id, name, vendors: [] });
      return id;
    });
    const retention = cell(r, "retention");
    const description = [cell(r, "description"), retention && vendorNames.length === 0 ? `Retention: ${retention}` : ""].filter(Boolean).join("; ");
    const kind = category ? "personal" : refTable ? "reference" : "system";
    entity.columns.push({
      name: column,
      kind,
      ...(category ? { category } : {}),
      ...(category && normalise(categoryText) !== normalise(category) ? { categoryLabel: categoryText } : {}),
      purposes: purposeIds,
      ...(refTable && kind === "reference" ? { references: refTable } : {}),
      ...(description ? { description } : {}),
      ...(checklist.erasure ? { erasure: checklist.erasure } : {}),
    });
    if (checklist.identity) entity.identity.push(column);
    origins.push({ path: [table, entity.columns.length - 1], origin: { line: r.line, row: r.row, column: letter(columnIndex.get("column")!), field: "column" } });
    if (refTable) {
      if (kind !== "reference") references.push({ from: table, columns: [column], to: refTable, form: "outgoing" });
      if (!referenced.has(refTable)) referenced.set(refTable, r);
    }
    for (const c of copiedTo) {
      if (!c) continue;
      const f = systemFlow(c.system);
      const copy = f.copies.get(`${table}\u0000${c.table}`) ?? { from: table, to: c.table, columns: [] };
      if (c.column) copy.columns.push({ from: column, to: c.column });
      f.copies.set(`${table}\u0000${c.table}`, copy);
    }
    for (const target of sentTo) if (category) systemFlow(target).categories.add(category);
    records.row(r, purposeIds, splitMulti(cell(r, "subject")).map(slugify));
    const fieldRef = `${table}.${column}`;
    for (const name of splitMulti(cell(r, "source"))) {
      const id = slugify(name);
      const s = sources.get(id) ?? { id, name, feeds: new Set(), fills: new Set() };
      s.feeds.add(table);
      if (kind === "personal") s.fills.add(fieldRef);
      sources.set(id, s);
    }
    for (const name of vendorNames) {
      const id = slugify(name);
      const v: VendorRow = vendors.get(id) ?? { name, purposes: new Set(), countries: new Set(), retention: new Set(), receives: new Set(), receivedAt: new Map(), row: r };
      for (const p of purposeIds) {
        v.purposes.add(purposes.get(p)!.name);
        if (!purposes.get(p)!.vendors.includes(id)) purposes.get(p)!.vendors.push(id);
      }
      countries.forEach((c) => v.countries.add(c));
      if (retention) v.retention.add(retention);
      v.receives.add(fieldRef);
      if (!v.receivedAt.has(fieldRef)) v.receivedAt.set(fieldRef, r);
      if (privacyContact && v.privacyContact && v.privacyContact !== privacyContact) {
        issues.push(at(r, "privacyContact", `is '${privacyContact}', but row ${v.row.row} gives ${v.name} '${v.privacyContact}'`));
      } else if (privacyContact) v.privacyContact = privacyContact;
      vendors.set(id, v);
    }
  }
  if (!system && issues.length === 0) issues.push({ file, line: header.line, row: 1, column: "?", field: "", message: "the sheet has no rows under its header" });
  if (issues.length > 0) throw new InventoryValidationError(issues);

  for (const [name, r] of referenced) {
    if (!entities.has(name)) {
      entities.set(name, { name, kind: "mentioned", subjects: [], identity: [], columns: [] });
      warnings.push(at(r, "references", `table '${name}' is referenced but has no rows of its own: it is added as a table the sheet only names`));
    }
  }

  const built = records.build();
  if (issues.length > 0) throw new InventoryValidationError(issues);
  const entityList = [...entities.values()];
  const value: InventoryInput = {
    system: { id: slugify(system!.name) || "system", name: system!.name, kind: "self-hosted", document: { title: `Spreadsheet ${path.basename(file)}`, file: path.basename(file) }, ...built.system },
    ...(built.organisation ? { organisation: built.organisation } : {}),
    activities: built.activities,
    subjects: [...subjects].map(([id, name]) => ({ id, name })),
    purposes: [...purposes.values()],
    entities: entityList.map(({ identity, ...e }) => (identity.length > 0 ? { ...e, identity } : e)),
    sources: [...sources.values()].map((s) => ({ id: s.id, name: s.name, feeds: [...s.feeds], fills: [...s.fills] })),
    references,
    vendors: [...vendors].map(([id, v]) => ({
      vendor: { id, name: v.name, ...(v.privacyContact ? { privacyContact: v.privacyContact } : {}) },
      role: "third-party" as const,
      purpose: [...v.purposes].join("; ") || `Receives data from ${system!.name}`,
      dataCountries: [...v.countries],
      ...(v.retention.size > 0 ? { retention: [...v.retention].join("; ") } : {}),
      receives: [...v.receives],
    })),
    systemFlows: [...systemFlows].map(([to, f]) => ({ to, copies: [...f.copies.values()], categories: [...f.categories].sort() })),
  };

  const source = new BuiltSource(file, value);
  for (const { path, origin } of origins) {
    const ei = entityList.findIndex((e) => e.name === path[0]);
    source.at(["entities", ei, "columns", path[1]!], origin);
    // A table is stated by its first row (`at` keeps the first origin given).
    source.at(["entities", ei], origin);
  }
  built.rows.forEach((r, ai) => source.at(["activities", ai], { line: r.line, row: r.row, column: letter(columnIndex.get("activity")!), field: "processing activity" }));
  [...vendors.values()].forEach((v, vi) => {
    source.at(["vendors", vi], { line: v.row.line, row: v.row.row, column: letter(columnIndex.get("vendor")!), field: "recipient vendor" });
    [...v.receives].forEach((f, fi) => {
      const r = v.receivedAt.get(f)!;
      source.at(["vendors", vi, "receives", fi], { line: r.line, row: r.row, column: letter(columnIndex.get("vendor")!), field: "recipient vendor" });
    });
  });
  return { file, format: "csv", inventory: validateInventory(source, lookup.catalogue), warnings };
}

/**
 * The checklist's cells of a row: `identity key` says `yes` when the field finds the table's data subject; `erasure
 * action` is `erase`, `anonymise` (or `anonymize`) or `keep: <reason>` (a kept field says why).
 */
function checklistCells(identity: string, erasure: string, problem: (col: CsvColumn, message: string) => void): { identity: boolean; erasure?: { action: "erase" | "anonymise" | "keep"; reason?: string } } {
  const yes = /^(yes|y|true|x|1)$/i.test(identity);
  if (identity && !yes && !/^(no|n|false|0)$/i.test(identity)) problem("identity", `'${identity}' must be 'yes' (the field finds the data subject in its table) or empty`);
  if (!erasure) return { identity: yes };
  const m = /^(erase|anonymi[sz]e|keep)\s*(?::\s*(.*))?$/i.exec(erasure);
  if (!m) {
    problem("erasure", `'${erasure}' must be 'erase', 'anonymise' or 'keep: <reason>'`);
    return { identity: yes };
  }
  const action = m[1]!.toLowerCase().startsWith("anonymi") ? "anonymise" : (m[1]!.toLowerCase() as "erase" | "keep");
  const reason = m[2]?.trim();
  if (action === "keep" && !reason) problem("erasure", "'keep' needs the reason the data is kept: 'keep: <reason>'");
  return { identity: yes, erasure: { action, ...(reason ? { reason } : {}) } };
}

const LAWFUL_BASIS_WORDS: Record<string, NonNullable<Activity["lawfulBasis"]>> = Object.fromEntries(
  (
    [
      ["consent", "consent", "6(1)(a)", "a"],
      ["contract", "contract", "6(1)(b)", "b"],
      ["legal-obligation", "legal obligation", "6(1)(c)", "c"],
      ["vital-interests", "vital interests", "6(1)(d)", "d"],
      ["public-task", "public task", "6(1)(e)", "e"],
      ["legitimate-interests", "legitimate interests", "6(1)(f)", "f"],
    ] as const
  ).flatMap(([id, ...words]) => [id, ...words].map((w) => [normalise(w), id] as const)),
);
const ROLE_WORDS: Record<string, ProcessingRoleName> = { controller: "controller", processor: "processor", subprocessor: "processor", jointcontroller: "joint-controller" };
const YES_NO: Record<string, boolean> = { yes: true, no: false, true: true, false: false, y: true, n: false };

type Cell = (r: Row, col: CsvColumn) => string;
type Problem = (r: Row, col: CsvColumn, message: string) => void;

/**
 * The sheet's Art. 30 columns: a row's "processing activity" groups its purposes and subjects; the activity's facts
 * and the system's (organisation, role, security) are the same wherever a row fills them, else the row is refused.
 */
class CsvRecords {
  private readonly sheet = new Map<CsvColumn, { value: string; row: Row }>();
  private readonly activities = new Map<string, { name: string; row: Row; facts: Map<CsvColumn, { value: string; row: Row }>; purposes: Set<string>; subjects: Set<string> }>();

  constructor(
    private readonly cell: Cell,
    private readonly problem: Problem,
    private readonly country: (text: string) => string | undefined,
  ) {}

  /** A country cell (alpha-2, alpha-3 or name) → its alpha-2 code, or a problem naming it. */
  private code(v: { value: string; row: Row }, col: CsvColumn, text = v.value): string | undefined {
    const code = this.country(text);
    if (!code) this.problem(v.row, col, `unknown country '${text}' (use an ISO code, alpha-2 or alpha-3, or the country's name)`);
    return code;
  }

  private agree(store: Map<CsvColumn, { value: string; row: Row }>, r: Row, col: CsvColumn, scope: string): void {
    const value = this.cell(r, col);
    if (!value) return;
    const prior = store.get(col);
    if (!prior) store.set(col, { value, row: r });
    else if (prior.value !== value) this.problem(r, col, `is '${value}', but row ${prior.row.row} says '${prior.value}' for ${scope}`);
  }

  row(r: Row, purposes: string[], subjects: string[]): void {
    for (const col of ["systemRole", "hostingCountries", "legalEntity", "legalEntityCountry", "orgName", "orgContact", "orgAddress", "dpoName", "dpoContact", "repName", "repContact", "encryptionAtRest", "encryptionInTransit", "accessControl", "pseudonymisation", "logging", "securityNotes"] as const)
      this.agree(this.sheet, r, col, "the system");
    const name = this.cell(r, "activity");
    const facts = ["role", "controllers", "lawfulBasis", "legitimateInterest", "liaLink", "specialCategoryCondition", "volume", "activityRetention", "automatedDecisions"] as const;
    if (!name) {
      for (const col of facts) if (this.cell(r, col)) this.problem(r, col, "needs a 'processing activity' in the same row");
      return;
    }
    const id = slugify(name);
    if (!id) {
      this.problem(r, "activity", `'${name}' has no letters or digits to make an id from`);
      return;
    }
    if (purposes.length === 0) this.problem(r, "activity", "needs a purpose in the same row (an activity groups purposes)");
    const a = this.activities.get(id) ?? { name, row: r, facts: new Map<CsvColumn, { value: string; row: Row }>(), purposes: new Set<string>(), subjects: new Set<string>() };
    this.activities.set(id, a);
    for (const col of facts) this.agree(a.facts, r, col, `activity '${name}'`);
    purposes.forEach((p) => a.purposes.add(p));
    subjects.forEach((s) => a.subjects.add(s));
  }

  private role(v: { value: string; row: Row } | undefined, col: CsvColumn): ProcessingRoleName | undefined {
    if (!v) return undefined;
    const role = ROLE_WORDS[normalise(v.value)];
    if (!role) this.problem(v.row, col, `'${v.value}' is not a role (controller, processor or joint controller)`);
    return role;
  }

  private measure(v: { value: string } | undefined): string | boolean | undefined {
    return v ? (YES_NO[v.value.toLowerCase()] ?? v.value) : undefined;
  }

  build(): { system: Partial<InventoryInput["system"]>; organisation?: NonNullable<InventoryInput["organisation"]>; activities: NonNullable<InventoryInput["activities"]>; rows: Row[] } {
    const g = (col: CsvColumn) => this.sheet.get(col)?.value;
    const system: Partial<InventoryInput["system"]> = {};
    const role = this.role(this.sheet.get("systemRole"), "systemRole");
    if (role) system.role = role;
    const hosting = this.sheet.get("hostingCountries");
    if (hosting) system.hostingCountries = splitMulti(hosting.value).flatMap((c) => this.code(hosting, "hostingCountries", c) ?? []);
    const entity = this.sheet.get("legalEntity");
    const entityCountry = this.sheet.get("legalEntityCountry");
    if (entity || entityCountry) {
      const code = entityCountry ? this.code(entityCountry, "legalEntityCountry") : undefined;
      system.legalEntity = { ...(entity ? { name: entity.value } : {}), ...(code ? { country: code } : {}) };
    }
    const security = Object.fromEntries(
      (
        [
          ["encryptionAtRest", "encryptionAtRest"],
          ["encryptionInTransit", "encryptionInTransit"],
          ["accessControl", "accessControl"],
          ["pseudonymisation", "pseudonymisation"],
          ["logging", "logging"],
        ] as const
      ).flatMap(([col, key]) => (this.sheet.has(col) ? [[key, this.measure(this.sheet.get(col))]] : [])),
    );
    if (g("securityNotes")) security.notes = g("securityNotes");
    if (Object.keys(security).length > 0) system.security = security;
    let organisation: NonNullable<InventoryInput["organisation"]> | undefined;
    const orgName = g("orgName");
    if (orgName) {
      organisation = { name: orgName };
      if (g("orgContact")) organisation.contact = g("orgContact");
      if (g("orgAddress")) organisation.address = g("orgAddress");
      if (g("dpoContact")) organisation.dpo = { ...(g("dpoName") ? { name: g("dpoName") } : {}), contact: g("dpoContact")! };
      if (g("repName") && g("repContact")) organisation.representative = { name: g("repName")!, contact: g("repContact")! };
    }
    for (const col of ["orgContact", "orgAddress", "dpoName", "dpoContact", "repName", "repContact"] as const) {
      const v = this.sheet.get(col);
      if (v && !orgName) this.problem(v.row, col, "needs the 'controller name' (in any row)");
    }
    for (const [col, other] of [["dpoName", "dpoContact"], ["repName", "repContact"], ["repContact", "repName"]] as const) {
      const v = this.sheet.get(col);
      if (v && orgName && !this.sheet.has(other)) this.problem(v.row, col, `needs the '${CSV_COLUMNS[other][0]}' too`);
    }
    const activities = [...this.activities].map(([id, a]) => {
      const f = (col: CsvColumn) => a.facts.get(col)?.value;
      const out: NonNullable<InventoryInput["activities"]>[number] = { id, name: a.name, purposes: [...a.purposes], subjects: [...a.subjects] };
      const role = this.role(a.facts.get("role"), "role");
      if (role) out.role = role;
      if (f("controllers")) out.controllers = splitMulti(f("controllers")!);
      const basis = a.facts.get("lawfulBasis");
      if (basis) {
        const b = LAWFUL_BASIS_WORDS[normalise(basis.value.replace(/^(art(icle)?\.?\s*)/i, ""))];
        if (b) out.lawfulBasis = b;
        else this.problem(basis.row, "lawfulBasis", `'${basis.value}' is not an Art. 6(1) basis (consent, contract, legal obligation, vital interests, public task, legitimate interests)`);
      }
      if (f("legitimateInterest")) out.legitimateInterest = f("legitimateInterest");
      if (f("liaLink")) out.liaLink = f("liaLink");
      if (f("specialCategoryCondition")) out.specialCategoryCondition = f("specialCategoryCondition");
      if (f("volume")) out.volume = f("volume");
      if (f("activityRetention")) out.retention = f("activityRetention");
      if (a.facts.has("automatedDecisions")) out.automatedDecisions = this.measure(a.facts.get("automatedDecisions"));
      return out;
    });
    return { system, ...(organisation ? { organisation } : {}), activities, rows: [...this.activities.values()].map((a) => a.row) };
  }
}
