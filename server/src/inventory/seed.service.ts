/**
 * Loading inventories into the graph: validate every file first (a bad file anywhere writes nothing), then write them
 * in as few transactions as fit the database's transaction memory: every file in one transaction while their rows
 * (nodes + relationships) stay within LOAD_TRANSACTION_ROWS (the built-in data, a company of scale M: all or nothing),
 * else consecutive groups of files within it (scale L, 100 systems and 400,000 columns, does not fit one transaction in
 * the embedded database's default memory). A file is never split, so each file's load is all-or-nothing for its system.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";

import { inventoriesToGraph, type GraphRows } from "./inventory.graph.js";
import { citeInventoryAs, InventoryValidationError, readCatalogue, readInventory, type Catalogue, type InventoryIssue } from "./inventory.parse.js";
import { ensureSchema, LoadError, replaceSystems, timed, type LoadResult, type StepTimer } from "./inventory.repository.js";
import type { Inventory } from "./inventory.schema.js";
import { BUILT_IN_DIR, builtInInventoryFiles, CATALOGUE_DIR } from "./paths.js";
import { ids } from "../contract/ids.js";
import type { Graph } from "../db/graph.js";

export interface SeedReport extends LoadResult {
  files: string[];
  systems: string[];
  millis: number;
}

/** An inventory already read and validated (from YAML, or turned into one by an importer) and the file it came from. */
export interface ParsedInventory {
  file: string;
  inventory: Inventory;
  /** Node ids it names that another origin of its system states (run events naming a document's tables): not written by this load. */
  borrowed?: ReadonlySet<string>;
  /** sha256 (hex) of the file's text, recorded on the System node for the records' cover sheet; absent for events. */
  sha256?: string | null;
}

export function sha256Of(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Which file a system was loaded from, and its hash, on its System node (`loadedFile`, `loadedSha256`). */
function stampFiles(rows: GraphRows, parsed: ParsedInventory[]): GraphRows {
  for (const p of parsed) {
    const sys = rows.scoped.find((n) => n.id === ids.system(p.inventory.system.id));
    if (sys) Object.assign(sys.props, { loadedFile: path.basename(p.file), loadedSha256: p.sha256 ?? null });
  }
  return rows;
}

/**
 * How a file's facts cite it: relative to its data folder (the built-in inventories, a `DATA=` directory), else the
 * path as given; the same file loaded twice cites the same name, so a reload equals a fresh load.
 */
export function citeFiles(parsed: readonly ParsedInventory[], dataDir?: string): void {
  for (const p of parsed) {
    const dir = dataDir ?? (path.dirname(path.resolve(p.file)) === BUILT_IN_DIR ? BUILT_IN_DIR : undefined);
    citeInventoryAs(p.inventory, dir ? path.relative(dir, path.resolve(p.file)) : p.file);
  }
}

export async function loadInventoryFiles(graph: Graph, files: string[]): Promise<SeedReport> {
  const catalogue = await readCatalogue(CATALOGUE_DIR);
  // Validation happens before the database is touched: an invalid file changes nothing.
  const parsed: ParsedInventory[] = [];
  for (const file of files) {
    const inventory = await readInventory(file, catalogue);
    parsed.push({ file, inventory, sha256: sha256Of(await readFile(file, "utf8")) });
  }
  citeFiles(parsed);
  return loadInventories(graph, parsed, catalogue);
}

/** Rows (nodes + relationships) one load transaction may write at most: scale M (~140,000) fits, L (~1.3 million) is split. */
export const LOAD_TRANSACTION_ROWS = 400_000;
/**
 * Transaction memory a load holds per row it writes, measured at scale L (2026-12-05: 408 MiB at the peak of a
 * 92,000-row group, with the provenance and observation properties every row now carries).
 */
const TRANSACTION_BYTES_PER_ROW = 4_500;
/** A load may use this share of the database's transaction memory (the rest: the readers answering meanwhile). */
const TRANSACTION_MEMORY_SHARE = 0.6;
/** Rows a load transaction may write when the server does not say its limit: what fits Neo4j's default (70 % of a 2 GiB heap). */
const UNSTATED_LIMIT_ROWS = 200_000;

const UNITS: Record<string, number> = { B: 1, KIB: 2 ** 10, MIB: 2 ** 20, GIB: 2 ** 30, TIB: 2 ** 40, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 };

/**
 * Pure: the rows one load transaction may write under the server's transaction memory limit as `SHOW SETTINGS`
 * states it ("1.40GiB"; "0B": no limit; null or unreadable: not stated). At the default 2 GiB heap the limit is
 * 1.4 GiB, and the 400,000 rows once allowed needed 1.8 GiB: scale L failed with MemoryPoolOutOfMemoryError.
 */
export function transactionRowsWithin(limit: string | null): number {
  const m = limit === null ? null : /^\s*([\d.]+)\s*([a-z]*)\s*$/i.exec(limit);
  const unit = m ? UNITS[(m[2] || "B").toUpperCase()] : undefined;
  if (!m || unit === undefined || !Number.isFinite(Number(m[1]))) return UNSTATED_LIMIT_ROWS;
  const bytes = Number(m[1]) * unit;
  if (bytes === 0) return LOAD_TRANSACTION_ROWS;
  return Math.max(1_000, Math.min(LOAD_TRANSACTION_ROWS, Math.floor((bytes * TRANSACTION_MEMORY_SHARE) / TRANSACTION_BYTES_PER_ROW)));
}

/** The rows one load transaction may write on this server (its stated transaction memory; a server that will not say: the default's). */
async function transactionRowBudget(graph: Graph): Promise<number> {
  const value = await graph.read("seed/transaction-memory", {}).then(
    (rows) => rows[0]?.value,
    () => null,
  );
  return transactionRowsWithin(typeof value === "string" ? value : null);
}

/** Consecutive files, each group within `budget` rows (a file bigger than the budget is a group of its own). */
function groupFiles(sizes: number[], budget: number): number[][] {
  const groups: number[][] = [];
  let rows = 0;
  for (const [i, size] of sizes.entries()) {
    const last = groups[groups.length - 1];
    if (last && rows + size <= budget) {
      last.push(i);
      rows += size;
    } else {
      groups.push([i]);
      rows = size;
    }
  }
  return groups;
}

/**
 * Loads validated inventories in order, in groups of files that fit one transaction each (`transactionRows`). Each
 * group's systems are replaced whole or left as they were: if a group fails, the groups before it stay loaded (their
 * new contents), its systems and every later file's are unchanged, and the error names the files and what was already
 * loaded. When everything fits one transaction (the usual case), a failure leaves the graph exactly as it was.
 */
export async function loadInventories(graph: Graph, parsed: ParsedInventory[], catalogue?: Catalogue, transactionRows?: number, timer?: StepTimer): Promise<SeedReport> {
  const started = performance.now();
  const cat = catalogue ?? (await readCatalogue(CATALOGUE_DIR));
  const files = parsed.map((p) => p.file);
  const inventories = parsed.map((p) => p.inventory);
  checkDistinct(files, inventories);
  // Every file is turned into rows before the first write, so a file the graph builder rejects also writes nothing.
  const borrowed = (group: number[]) => new Map(group.flatMap((i) => (parsed[i]!.borrowed ? [[inventories[i]!.system.id, parsed[i]!.borrowed] as const] : [])));
  const perFile = await timed(timer, "graph rows", () => Promise.resolve(parsed.map((p, i) => stampFiles(inventoriesToGraph([p.inventory], cat, { borrowed: borrowed([i]) }), [p]))));
  const groups = groupFiles(
    perFile.map((r) => r.scoped.length + r.shared.length + r.rels.length),
    transactionRows ?? (await transactionRowBudget(graph)),
  );
  await timed(timer, "schema", () => ensureSchema(graph));
  // Shared nodes (a vendor two files use) count once.
  const total: LoadResult = { nodes: new Set(perFile.flatMap((r) => [...r.scoped, ...r.shared].map((n) => n.id))).size, relationships: 0 };
  for (const group of groups) {
    try {
      total.relationships += (await replaceSystems(graph, mergeRows(group.map((i) => perFile[i]!)), cat, timer)).relationships;
    } catch (err) {
      const done = files.slice(0, group[0]);
      const failed = group.map((i) => files[i]!);
      const already = done.length === 0 ? "nothing was loaded" : `${done.length} earlier file(s) were loaded: ${done.join(", ")}`;
      const what = failed.length === 1 ? `loading ${failed[0]!} failed, its system is unchanged` : `loading ${failed.join(", ")} failed, their systems are unchanged`;
      const message = `${what} (${already}): ${(err as Error).message}`;
      if (err instanceof LoadError) throw new LoadError(message, { cause: err });
      if (err instanceof Error) {
        err.message = message;
        throw err;
      }
      throw err;
    }
  }
  return { ...total, files, systems: perFile.flatMap((r) => r.systems), millis: Math.round(performance.now() - started) };
}

/**
 * The rows of several files' loads as one load: what `inventoriesToGraph` of all of them gives, without building them
 * again. Files share nothing but the shared nodes (categories, vendors, locations): each counts once, as the first file
 * naming it states it (a file's own categories are declared in it, and the catalogue's are the same in every file).
 */
export function mergeRows(rows: GraphRows[]): GraphRows {
  if (rows.length === 1) return rows[0]!;
  const shared = new Map<string, GraphRows["shared"][number]>();
  for (const r of rows) for (const n of r.shared) if (!shared.has(n.id)) shared.set(n.id, n);
  return {
    scoped: rows.flatMap((r) => r.scoped),
    shared: [...shared.values()],
    rels: rows.flatMap((r) => r.rels),
    systems: rows.flatMap((r) => r.systems),
    loads: rows.flatMap((r) => r.loads),
    observed: rows.flatMap((r) => r.observed),
  };
}

export async function seedBuiltIn(graph: Graph): Promise<SeedReport> {
  return loadInventoryFiles(graph, await builtInInventoryFiles());
}

/** True when the database holds no explorer data yet (first start). */
export async function isEmpty(graph: Graph): Promise<boolean> {
  const rows = await graph.read("seed/system-count");
  return Number(rows[0]?.systems ?? 0) === 0;
}

/** Files loaded together must not both claim a system (table names are scoped by system, so they may repeat). */
function checkDistinct(files: string[], inventories: Inventory[]): void {
  const issues: InventoryIssue[] = [];
  const systems = new Map<string, string>();
  inventories.forEach((inv, i) => {
    const file = files[i]!;
    const other = systems.get(inv.system.id);
    if (other) issues.push({ file, line: null, field: "system.id", message: `system '${inv.system.id}' is also loaded from ${other}` });
    systems.set(inv.system.id, file);
  });

  if (issues.length > 0) throw new InventoryValidationError(issues);
}
