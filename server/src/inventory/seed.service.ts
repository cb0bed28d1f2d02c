/** Loading inventories into the graph: validate every file first, then one transaction for the whole load. */
import { inventoriesToGraph } from "./inventory.graph.js";
import { InventoryValidationError, readCatalogue, readInventory, type Catalogue, type InventoryIssue } from "./inventory.parse.js";
import { ensureSchema, replaceSystems, type LoadResult } from "./inventory.repository.js";
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

/** Loads validated inventories in one transaction: all of them, or (on any failure) none. */
export async function loadInventories(graph: Graph, parsed: ParsedInventory[], catalogue?: Catalogue): Promise<SeedReport> {
  const started = performance.now();
  const cat = catalogue ?? (await readCatalogue(CATALOGUE_DIR));
  const files = parsed.map((p) => p.file);
  const inventories = parsed.map((p) => p.inventory);
  checkDistinct(files, inventories);
  const rows = inventoriesToGraph(inventories, cat);
  await ensureSchema(graph);
  const result = await replaceSystems(graph, rows);
  return { ...result, files, systems: rows.systems, millis: Math.round(performance.now() - started) };
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
