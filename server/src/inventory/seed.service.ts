/**
 * Loading inventories into the graph: validate every file first (a bad file anywhere writes nothing), then one
 * transaction per file. One transaction for all files does not fit the embedded database's default transaction memory
 * at scale L (100 systems, 400,000 columns); one file is one system, so each file's load is all-or-nothing for its system.
 */
import { inventoriesToGraph } from "./inventory.graph.js";
import { InventoryValidationError, readCatalogue, readInventory, type Catalogue, type InventoryIssue } from "./inventory.parse.js";
import { ensureSchema, LoadError, replaceSystems, type LoadResult } from "./inventory.repository.js";
import type { Inventory } from "./inventory.schema.js";
import { builtInInventoryFiles, CATALOGUE_DIR } from "./paths.js";
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
}

export async function loadInventoryFiles(graph: Graph, files: string[]): Promise<SeedReport> {
  const catalogue = await readCatalogue(CATALOGUE_DIR);
  // Validation happens before the database is touched: an invalid file changes nothing.
  const parsed: ParsedInventory[] = [];
  for (const file of files) parsed.push({ file, inventory: await readInventory(file, catalogue) });
  return loadInventories(graph, parsed, catalogue);
}

/**
 * Loads validated inventories, one transaction per file, in order. Each file's system is either replaced whole or left
 * as it was: if file k fails, files 1..k-1 stay loaded (their new contents), file k's system and every later file's are
 * unchanged, and the error names the file and what was already loaded.
 */
export async function loadInventories(graph: Graph, parsed: ParsedInventory[], catalogue?: Catalogue): Promise<SeedReport> {
  const started = performance.now();
  const cat = catalogue ?? (await readCatalogue(CATALOGUE_DIR));
  const files = parsed.map((p) => p.file);
  const inventories = parsed.map((p) => p.inventory);
  checkDistinct(files, inventories);
  // Every file is turned into rows before the first write, so a file the graph builder rejects also writes nothing.
  const perFile = inventories.map((inv) => inventoriesToGraph([inv], cat));
  await ensureSchema(graph);
  // Shared nodes (a vendor two files use) count once, as they did when all files were one load.
  const total: LoadResult = { nodes: new Set(perFile.flatMap((r) => [...r.scoped, ...r.shared].map((n) => n.id))).size, relationships: 0 };
  for (const [i, rows] of perFile.entries()) {
    try {
      total.relationships += (await replaceSystems(graph, rows)).relationships;
    } catch (err) {
      const done = files.slice(0, i);
      const already = done.length === 0 ? "nothing was loaded" : `${done.length} earlier file(s) were loaded: ${done.join(", ")}`;
      const message = `loading ${files[i]!} failed, its system is unchanged (${already}): ${(err as Error).message}`;
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
