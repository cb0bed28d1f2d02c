/**
 * Reads inventory and catalogue files (YAML or JSON), validates them with the zod schemas and the
 * cross-reference rules, and reports every problem with file, line and field path.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { type Document, LineCounter, parseDocument, isNode } from "yaml";
import type { z } from "zod";

import {
  AdequacyCatalogueSchema,
  CategoryCatalogueSchema,
  CountryCatalogueSchema,
  InventorySchema,
  type Category,
  type Country,
  type Inventory,
  type Mechanism,
} from "./inventory.schema.js";

export interface InventoryIssue {
  file: string;
  line: number | null;
  /** Dotted path into the file, e.g. `entities[3].columns[0].category`; for a spreadsheet, the column's header. */
  field: string;
  message: string;
  /** Spreadsheets (CSV): the row as a spreadsheet numbers it (the header is row 1) and the column letter. */
  row?: number;
  column?: string;
}

function describeIssue(i: InventoryIssue): string {
  const where = i.row ? `row ${i.row}, column ${i.column ?? "?"} (${i.field})` : i.field || "(file)";
  return `  ${i.file}${i.line ? `:${i.line}` : ""}  ${where}: ${i.message}`;
}

export class InventoryValidationError extends Error {
  readonly code = "INVENTORY_INVALID";
  constructor(readonly issues: InventoryIssue[]) {
    super(
      `${issues.length} problem${issues.length === 1 ? "" : "s"} in the inventory:\n` +
        issues.map(describeIssue).join("\n"),
    );
    this.name = "InventoryValidationError";
  }
}

export interface Adequacy {
  decided: string;
  act: string | null;
  scope: string | null;
  requiresMechanism: Mechanism | null;
}

export interface Catalogue {
  categories: Map<string, Category>;
  countries: Map<string, Country>;
  /** Adequacy decisions by country code, and the date the list is current to. */
  adequacy: Map<string, Adequacy>;
  adequacyAsOf: string;
  /** Where the catalogue states each category and country (`catalogue/categories.yaml:12`), by category id / country code. */
  cited?: { categories: Map<string, string>; countries: Map<string, string> };
}

export type PathKey = string | number;

export function fieldPath(p: readonly PathKey[]): string {
  return p.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k), "");
}

/**
 * Where the values of an inventory came from: a YAML file, or a spreadsheet or Fides manifest an importer turned
 * into an inventory. `issue` points a problem at a path of the inventory back to the line (or row) it came from.
 */
export interface InventorySource {
  readonly file: string;
  readonly value: unknown;
  issue(p: readonly PathKey[], message: string): InventoryIssue;
}

/** A parsed YAML/JSON file that can tell the line of any path in it. */
export class SourceFile implements InventorySource {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  static async read(file: string): Promise<SourceFile> {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch (err) {
      throw new InventoryValidationError([
        { file, line: null, field: "", message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})` },
      ]);
    }
    return SourceFile.fromText(file, text);
  }

  static fromText(file: string, text: string): SourceFile {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      throw new InventoryValidationError(
        doc.errors.map((e) => ({
          file,
          line: e.linePos?.[0]?.line ?? null,
          field: "",
          message: `not valid YAML/JSON: ${e.message.split("\n")[0]}`,
        })),
      );
    }
    return new SourceFile(file, doc, lines);
  }

  get value(): unknown {
    return this.doc.toJS() as unknown;
  }

  /** Line of the deepest node that exists along `p` (so a missing key points at its parent). */
  lineOf(p: readonly PathKey[]): number | null {
    for (let n = p.length; n >= 0; n--) {
      const node = this.doc.getIn(p.slice(0, n), true);
      if (isNode(node) && node.range) return this.lines.linePos(node.range[0]).line;
    }
    return null;
  }

  issue(p: readonly PathKey[], message: string): InventoryIssue {
    return { file: this.file, line: this.lineOf(p), field: fieldPath(p), message };
  }

  parse<S extends z.ZodType>(schema: S): z.infer<S> {
    return parseWith(this, schema);
  }
}

/** Validates `source.value` with a zod schema, every problem pointed back at its line/row by the source. */
export function parseWith<S extends z.ZodType>(source: InventorySource, schema: S): z.infer<S> {
  const result = schema.safeParse(source.value);
  if (result.success) return result.data;
  throw new InventoryValidationError(result.error.issues.map((i) => source.issue(i.path as PathKey[], humanMessage(i))));
}

function humanMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? `is required (expected ${issue.expected})` : `expected ${issue.expected}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => `'${String(v)}'`).join(", ")}`;
    case "too_small":
      return issue.origin === "array" ? `needs at least ${String(issue.minimum)} item(s)` : issue.message;
    default:
      return issue.message;
  }
}

/** Each entry's line, cited as `catalogue/<file>:<line>` (the catalogue sits beside the built-in inventories). */
function citedLines(file: SourceFile, list: string, keys: string[]): Map<string, string> {
  const name = `catalogue/${path.basename(file.file)}`;
  return new Map(keys.flatMap((k, i) => {
    const line = file.lineOf([list, i]);
    return line ? [[k, `${name}:${line}`] as const] : [];
  }));
}

export async function readCatalogue(dir: string): Promise<Catalogue> {
  const catsFile = await SourceFile.read(path.join(dir, "categories.yaml"));
  const cats = catsFile.parse(CategoryCatalogueSchema);
  const countriesFile = await SourceFile.read(path.join(dir, "countries.yaml"));
  const countries = countriesFile.parse(CountryCatalogueSchema);
  const adequacyFile = await SourceFile.read(path.join(dir, "adequacy.yaml"));
  const adequacy = adequacyFile.parse(AdequacyCatalogueSchema);
  const codes = new Set(countries.countries.map((c) => c.code));
  const unknown = adequacy.decisions.flatMap((d, i) => (codes.has(d.country) ? [] : [adequacyFile.issue(["decisions", i, "country"], `unknown country code '${d.country}'`)]));
  if (unknown.length > 0) throw new InventoryValidationError(unknown);
  return {
    categories: new Map(cats.categories.map((c) => [c.id, c])),
    countries: new Map(countries.countries.map((c) => [c.code, c])),
    adequacy: new Map(
      adequacy.decisions.map((d) => [d.country, { decided: d.decided, act: d.act ?? null, scope: d.scope ?? null, requiresMechanism: d.requiresMechanism ?? null }]),
    ),
    adequacyAsOf: adequacy.asOf,
    cited: {
      categories: citedLines(catsFile, "categories", cats.categories.map((c) => c.id)),
      countries: citedLines(countriesFile, "countries", countries.countries.map((c) => c.code)),
    },
  };
}

export async function readInventory(file: string, catalogue: Catalogue): Promise<Inventory> {
  const src = await SourceFile.read(file);
  return validateInventory(src, catalogue);
}

export function parseInventoryText(file: string, text: string, catalogue: Catalogue): Inventory {
  return validateInventory(SourceFile.fromText(file, text), catalogue);
}

function duplicates<T>(items: T[], key: (t: T) => string): number[] {
  const seen = new Set<string>();
  const dups: number[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) dups.push(i);
    seen.add(k);
  });
  return dups;
}

/**
 * Where each validated inventory came from, so the graph builder can say on every fact which line (or row) states it
 * (provenance). Kept beside the inventory, not in it: provenance is not part of a fact.
 */
const sources = new WeakMap<Inventory, InventorySource>();
const citedAs = new WeakMap<Inventory, string>();

/** The file as facts cite it: relative to the data folder for built-in and `DATA=` files, else the path given. */
export function citeInventoryAs(inv: Inventory, file: string): void {
  citedAs.set(inv, file);
}

/** Where one part of an inventory is stated: `file:line` (the row, for a spreadsheet), or null when unknown. */
export type Locate = (p: readonly PathKey[]) => string | null;

/** How to cite the parts of a validated inventory; null for one built in memory (a generated estate). */
export function locatorOf(inv: Inventory): Locate | null {
  const src = sources.get(inv);
  if (!src) return null;
  const file = citedAs.get(inv) ?? src.file;
  return (p) => {
    const issue = src.issue(p, "");
    const line = issue.row ?? issue.line;
    return line ? `${file}:${line}` : null;
  };
}

/** Schema first, then the rules that span the file: every id that is used must be declared once. */
export function validateInventory(src: InventorySource, catalogue: Catalogue): Inventory {
  const inv = parseWith(src, InventorySchema);
  sources.set(inv, src);
  const issues: InventoryIssue[] = [];
  const bad = (p: PathKey[], message: string) => issues.push(src.issue(p, message));

  const categoryIds = new Set([...catalogue.categories.keys(), ...inv.categories.map((c) => c.id)]);
  const subjectIds = new Set(inv.subjects.map((s) => s.id));
  const purposeIds = new Set(inv.purposes.map((p) => p.id));
  const vendorIds = new Set(inv.vendors.map((v) => v.vendor.id));
  const entities = new Map(inv.entities.map((e) => [e.name, e]));

  for (const i of duplicates(inv.entities, (e) => e.name)) bad(["entities", i, "name"], `entity '${inv.entities[i]!.name}' is declared twice`);
  for (const i of duplicates(inv.purposes, (p) => p.id)) bad(["purposes", i, "id"], `purpose '${inv.purposes[i]!.id}' is declared twice`);
  for (const i of duplicates(inv.sources, (s) => s.id)) bad(["sources", i, "id"], `source '${inv.sources[i]!.id}' is declared twice`);
  for (const i of duplicates(inv.subjects, (s) => s.id)) bad(["subjects", i, "id"], `data subject '${inv.subjects[i]!.id}' is declared twice`);

  const entityExists = (p: PathKey[], name: string) => {
    if (!entities.has(name)) bad(p, `names table '${name}', which is not in 'entities' (add it, with kind 'mentioned' if the document only names it)`);
  };
  const countryExists = (p: PathKey[], code: string) => {
    if (!catalogue.countries.has(code)) bad(p, `unknown country code '${code}'`);
  };
  const fieldExists = (p: PathKey[], ref: string) => {
    const [table, column] = splitFieldRef(ref);
    const entity = entities.get(table);
    if (!entity) {
      entityExists(p, table);
      return;
    }
    if (column !== "*" && !entity.columns.some((c) => c.name === column)) bad(p, `table '${table}' has no column '${column}'`);
  };

  inv.entities.forEach((e, ei) => {
    for (const i of duplicates(e.columns, (c) => c.name)) bad(["entities", ei, "columns", i, "name"], `column '${e.columns[i]!.name}' appears twice in '${e.name}'`);
    e.subjects.forEach((s, si) => {
      if (!subjectIds.has(s)) bad(["entities", ei, "subjects", si], `unknown data subject '${s}' (declare it under 'subjects')`);
    });
    e.columns.forEach((c, ci) => {
      const p: PathKey[] = ["entities", ei, "columns", ci];
      if (c.category && !categoryIds.has(c.category)) bad([...p, "category"], `unknown data category '${c.category}' (use the catalogue's id or declare it under 'categories')`);
      c.purposes.forEach((pid, pi) => {
        if (!purposeIds.has(pid)) bad([...p, "purposes", pi], `unknown purpose '${pid}' (declare it under 'purposes')`);
      });
      if (c.references) entityExists([...p, "references"], c.references);
    });
  });
  inv.purposes.forEach((pu, pi) =>
    pu.vendors.forEach((v, vi) => {
      if (!vendorIds.has(v)) bad(["purposes", pi, "vendors", vi], `unknown vendor '${v}' (declare it under 'vendors')`);
    }),
  );
  inv.sources.forEach((s, si) => {
    s.feeds.forEach((t, ti) => entityExists(["sources", si, "feeds", ti], t));
    s.copiesFrom.forEach((t, ti) => entityExists(["sources", si, "copiesFrom", ti], t));
    s.fills.forEach((f, fi) => fieldExists(["sources", si, "fills", fi], f));
    s.copies.forEach((c, ci) => {
      fieldExists(["sources", si, "copies", ci, "from"], c.from);
      fieldExists(["sources", si, "copies", ci, "to"], c.to);
      const [fromTable] = splitFieldRef(c.from);
      const [toTable] = splitFieldRef(c.to);
      if (!s.copiesFrom.includes(fromTable)) bad(["sources", si, "copies", ci, "from"], `copies from '${fromTable}', which is not in this source's 'copiesFrom'`);
      if (!s.feeds.includes(toTable)) bad(["sources", si, "copies", ci, "to"], `copies into '${toTable}', which is not in this source's 'feeds'`);
    });
  });
  inv.references.forEach((r, ri) => {
    entityExists(["references", ri, "from"], r.from);
    entityExists(["references", ri, "to"], r.to);
  });
  inv.vendors.forEach((v, vi) => {
    if (v.entityCountry) countryExists(["vendors", vi, "entityCountry"], v.entityCountry);
    v.dataCountries.forEach((c, ci) => countryExists(["vendors", vi, "dataCountries", ci], c));
    v.receives.forEach((f, fi) => fieldExists(["vendors", vi, "receives", fi], f));
    v.sendsBack.forEach((f, fi) => fieldExists(["vendors", vi, "sendsBack", fi], f));
  });
  validateActivities(inv, subjectIds, purposeIds, bad);

  for (const i of duplicates(inv.systemFlows, (f) => f.to)) bad(["systemFlows", i, "to"], `flow into system '${inv.systemFlows[i]!.to}' is stated twice (one entry per system)`);
  inv.systemFlows.forEach((f, fi) => {
    if (f.to === inv.system.id) bad(["systemFlows", fi, "to"], "names this system itself (a copy inside a system is a source's 'copiesFrom')");
    f.categories.forEach((c, ci) => {
      if (!categoryIds.has(c)) bad(["systemFlows", fi, "categories", ci], `unknown data category '${c}' (use the catalogue's id or declare it under 'categories')`);
    });
    f.copies.forEach((c, ci) => {
      entityExists(["systemFlows", fi, "copies", ci, "from"], c.from);
      c.columns.forEach((m, mi) => fieldExists(["systemFlows", fi, "copies", ci, "columns", mi, "from"], `${c.from}.${m.from}`));
    });
  });

  if (issues.length > 0) throw new InventoryValidationError(issues);
  return inv;
}

/** Processing activities name declared purposes and subjects, each activity id once. */
function validateActivities(inv: Inventory, subjectIds: Set<string>, purposeIds: Set<string>, bad: (p: PathKey[], message: string) => void): void {
  for (const i of duplicates(inv.activities, (a) => a.id)) bad(["activities", i, "id"], `activity '${inv.activities[i]!.id}' is declared twice`);
  inv.activities.forEach((a, ai) => {
    a.purposes.forEach((p, pi) => {
      if (!purposeIds.has(p)) bad(["activities", ai, "purposes", pi], `unknown purpose '${p}' (declare it under 'purposes')`);
    });
    a.subjects.forEach((s, si) => {
      if (!subjectIds.has(s)) bad(["activities", ai, "subjects", si], `unknown data subject '${s}' (declare it under 'subjects')`);
    });
    const role = a.role ?? inv.system.role;
    if (a.controllers && role !== "processor" && role !== "joint-controller")
      bad(["activities", ai, "controllers"], "only a processor's activity (the controllers it serves) or a joint controller's (the other controllers) names controllers");
  });
}

export function splitFieldRef(ref: string): [table: string, column: string] {
  const dot = ref.indexOf(".");
  return [ref.slice(0, dot), ref.slice(dot + 1)];
}
