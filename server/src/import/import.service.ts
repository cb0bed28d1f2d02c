/**
 * Files in any supported format → validated inventories → one load (all or nothing while the files fit one transaction). Every file is read and validated
 * before the database is touched, so one bad file loads nothing.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";

import { CatalogueLookup } from "./catalogue.lookup.js";
import { parseCsvInventory } from "./csv.import.js";
import { fidesFlowKeys, parseFidesManifest, parseFidesManifests } from "./fides.import.js";
import { detectFormat } from "./import.detect.js";
import type { ImportedInventory, ImportFormat } from "./import.source.js";
import { openLineageInventories, readRunEvents, storedEvents, type LoadedSystem, type LocatedEvent } from "./openlineage.import.js";
import { readLoadedSystems } from "./openlineage.repository.js";
import { loadAssessments, readAssessmentFiles, type LoadedAssessment } from "../assessments/assessment.import.js";
import type { CnilImportOptions } from "../assessments/cnil.import.js";
import type { Graph } from "../db/graph.js";
import { InventoryValidationError, parseInventoryText, readCatalogue } from "../inventory/inventory.parse.js";
import type { Inventory } from "../inventory/inventory.schema.js";
import { CATALOGUE_DIR } from "../inventory/paths.js";
import { citeFiles, loadInventories, sha256Of, type SeedReport } from "../inventory/seed.service.js";

export async function readLookup(catalogueDir = CATALOGUE_DIR): Promise<CatalogueLookup> {
  return CatalogueLookup.read(catalogueDir, await readCatalogue(catalogueDir));
}

export async function readImportFile(file: string, lookup: CatalogueLookup, format?: ImportFormat): Promise<ImportedInventory> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    throw new InventoryValidationError([{ file, line: null, field: "", message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})` }]);
  }
  return { ...parseImportText(file, text, lookup, format), sha256: sha256Of(text) };
}

export function parseImportText(file: string, text: string, lookup: CatalogueLookup, format?: ImportFormat): ImportedInventory {
  const f = format ?? detectFormat(file, text);
  switch (f) {
    case "csv":
      return parseCsvInventory(file, text, lookup);
    case "fides":
      return parseFidesManifest(file, text, lookup);
    case "yaml":
      return { file, format: "yaml", inventory: parseInventoryText(file, text, lookup.catalogue), warnings: [] };
    case "assessment":
    case "cnil-pia":
      throw new InventoryValidationError([{ file, line: null, field: "", message: `is an assessment (${f}), not an inventory: load it with \`npm run import\`` }]);
    case "openlineage": {
      // A file of events may describe several systems; alone, it must describe one.
      const inventories = openLineageInventories(readRunEvents(file, text), lookup);
      if (inventories.length !== 1) throw new InventoryValidationError([{ file, line: null, field: "", message: `describes ${inventories.length} systems; import it with \`npm run import\`` }]);
      return inventories[0]!;
    }
  }
}

export interface ReadOptions {
  /** OpenLineage namespace → system id (`--namespace ns=id`). */
  namespaces?: Readonly<Record<string, string>>;
  /** The systems already in the graph, asked for only when OpenLineage events name them. */
  loadedSystems?: (systems: string[]) => Promise<ReadonlyMap<string, LoadedSystem>>;
}

/**
 * Reads every file; the problems of all of them are reported together. OpenLineage events of all the files are read
 * together (a system's events may be spread over several files) and turned into one inventory per system.
 */
export async function readImportFiles(files: string[], lookup: CatalogueLookup, format?: ImportFormat, opts: ReadOptions = {}): Promise<ImportedInventory[]> {
  const out: ImportedInventory[] = [];
  const events: LocatedEvent[] = [];
  const manifests: { file: string; text: string }[] = [];
  const problems: InventoryValidationError[] = [];
  for (const file of await expandDirectories(files)) {
    try {
      const text = await readText(file);
      const f = format ?? detectFormat(file, text);
      if (f === "openlineage") events.push(...readRunEvents(file, text));
      // Fides manifests are read together: a system's datasets and the systems it sends to may be in other files.
      else if (f === "fides") manifests.push({ file, text });
      else out.push({ ...parseImportText(file, text, lookup, format), sha256: sha256Of(text) });
    } catch (err) {
      if (!(err instanceof InventoryValidationError)) throw err;
      problems.push(err);
    }
  }
  if (problems.length === 0 && manifests.length > 0) {
    try {
      const keys = fidesFlowKeys(manifests);
      const loaded = opts.loadedSystems && keys.length > 0 ? new Set((await opts.loadedSystems(keys)).keys()) : new Set<string>();
      // Each system carries the hash of the file that defines it.
      const hash = new Map(manifests.map((m) => [m.file, sha256Of(m.text)]));
      out.push(...parseFidesManifests(manifests, lookup, loaded).map((i) => ({ ...i, ...(hash.has(i.file) ? { sha256: hash.get(i.file)! } : {}) })));
    } catch (err) {
      if (!(err instanceof InventoryValidationError)) throw err;
      problems.push(err);
    }
  }
  if (problems.length > 0) throw new InventoryValidationError(problems.flatMap((p) => p.issues));
  if (events.length > 0) out.push(...(await openLineageImport(events, lookup, opts)));
  return out;
}

/**
 * Events → inventories of the systems they name. A system already built from events keeps the events it was built
 * from, so it is rebuilt from those and the new ones together (the same event twice counts once: importing the same
 * events again changes nothing); a system loaded from a document is never replaced: the events are added beside it.
 */
export async function openLineageImport(events: LocatedEvent[], lookup: CatalogueLookup, opts: ReadOptions = {}): Promise<ImportedInventory[]> {
  const base = opts.namespaces ? { namespaces: opts.namespaces } : {};
  const draft = openLineageInventories(events, lookup, { ...base, loaded: new Map() });
  const systems = draft.map((i) => i.inventory.system.id);
  const loaded = opts.loadedSystems ? await opts.loadedSystems(systems) : new Map<string, LoadedSystem>();
  if (loaded.size === 0) return draft;
  // Events kept by a system built from events, or by a document's system they were added to.
  const stored = storedEvents(loaded.values());
  return openLineageInventories([...stored, ...events], lookup, { ...base, loaded, only: new Set(systems) });
}

/** A directory stands for the inventory files in it (`npm run import -- ./fides-dir/`, as `fides push` takes one). */
export async function expandDirectories(files: string[]): Promise<string[]> {
  const expanded: string[] = [];
  for (const file of files) {
    if (await isDirectory(file)) expanded.push(...(await dataDirectoryFiles(file)));
    else expanded.push(file);
  }
  return expanded;
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    throw new InventoryValidationError([{ file, line: null, field: "", message: `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})` }]);
  }
}

/** Names of files `import` reads: our YAML/JSON, fideslang YAML, spreadsheets saved as CSV or TSV, OpenLineage events. */
const IMPORTABLE = /\.(ya?ml|json|csv|tsv|ndjson|jsonl)$/i;

/** The inventory files directly in `dir` (not its subfolders), sorted; a directory without any is an error. */
export async function dataDirectoryFiles(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    throw new InventoryValidationError([{ file: dir, line: null, field: "", message: `cannot read the directory (${(err as NodeJS.ErrnoException).code ?? String(err)})` }]);
  }
  const files = entries.filter((e) => e.isFile() && IMPORTABLE.test(e.name)).map((e) => path.join(dir, e.name)).sort();
  if (files.length === 0) throw new InventoryValidationError([{ file: dir, line: null, field: "", message: "holds no inventory file (.yaml, .yml, .json, .csv, .tsv, .ndjson or .jsonl)" }]);
  return files;
}

/** Every inventory of a directory, loaded as loadInventories does (all at once while they fit one transaction). */
export async function importDirectory(graph: Graph, dir: string): Promise<ImportReport> {
  return importFiles(graph, await dataDirectoryFiles(path.resolve(dir)), undefined, {}, path.resolve(dir));
}

export interface ImportReport extends SeedReport {
  imported: ImportedInventory[];
  /** Assessments (DPIAs) among the files, stored after the inventories so they may name what those load. */
  assessments: LoadedAssessment[];
}

/**
 * Reads and validates `files`, then loads them. `graph` may still be on its way (the CLI starts the database and reads
 * the files at the same time: both take seconds, on different processes); nothing waits for it before the load unless
 * a file asks what is loaded (OpenLineage events, Fides links).
 */
export async function importFiles(
  graph: Graph | Promise<Graph>,
  files: string[],
  format?: ImportFormat,
  opts: Pick<ReadOptions, "namespaces"> & { cnil?: CnilImportOptions } = {},
  /** The folder the files are cited relative to (a `DATA=` directory); else each is cited as given. */
  dataDir?: string,
): Promise<ImportReport> {
  const lookup = await readLookup();
  const split = await readAssessmentFiles(await expandDirectories(files), format, opts.cnil);
  let imported: ImportedInventory[] = [];
  try {
    if (split.others.length > 0) imported = await readImportFiles(split.others, lookup, format, { ...opts, loadedSystems: async (systems) => readLoadedSystems(await graph, systems) });
  } catch (err) {
    if (err instanceof InventoryValidationError) throw new InventoryValidationError([...split.issues, ...err.issues]);
    throw err;
  }
  if (split.issues.length > 0) throw new InventoryValidationError(split.issues);
  const parsed = imported.map((i) => ({ file: i.file, inventory: i.inventory, sha256: i.sha256 ?? null, ...(i.borrowed ? { borrowed: i.borrowed } : {}) }));
  citeFiles(parsed, dataDir);
  const report: SeedReport = imported.length > 0 ? await loadInventories(await graph, parsed, lookup.catalogue) : { files: [], systems: [], nodes: 0, relationships: 0, millis: 0 };
  const assessments = split.assessments.length > 0 ? await loadAssessments(await graph, split.assessments) : [];
  return { ...report, imported, assessments };
}

/** What a load would create, for `--dry-run` and `validate`. */
export interface InventorySummary {
  system: string;
  name: string;
  tables: number;
  columns: number;
  personalColumns: number;
  references: number;
  vendors: string[];
  countries: string[];
  categories: string[];
  purposes: number;
  sources: number;
  subjects: number;
}

export function summarise(inv: Inventory): InventorySummary {
  const columns = inv.entities.flatMap((e) => e.columns);
  return {
    system: inv.system.id,
    name: inv.system.name,
    tables: inv.entities.length,
    columns: columns.length,
    personalColumns: columns.filter((c) => c.kind === "personal").length,
    references: columns.filter((c) => c.references).length + inv.references.length,
    vendors: [...new Set(inv.vendors.map((v) => v.vendor.id))].sort(),
    countries: [...new Set(inv.vendors.flatMap((v) => [...(v.entityCountry ? [v.entityCountry] : []), ...v.dataCountries]))].sort(),
    categories: [...new Set(columns.flatMap((c) => (c.category ? [c.category] : [])))].sort(),
    purposes: inv.purposes.length,
    sources: inv.sources.length,
    subjects: inv.subjects.length,
  };
}

export function describeImport(i: ImportedInventory, cwd = process.cwd()): string {
  const s = summarise(i.inventory);
  const lines = [
    `${path.relative(cwd, i.file) || i.file} (${i.format}) → system '${s.system}' (${s.name})`,
    `  ${s.tables} tables, ${s.columns} columns (${s.personalColumns} personal), ${s.references} references, ${s.purposes} purposes, ${s.sources} sources, ${s.subjects} data subjects`,
    `  tables: ${i.inventory.entities.map((e) => (e.kind === "mentioned" ? `${e.name} (named only)` : e.name)).join(", ")}`,
  ];
  if (s.categories.length > 0) lines.push(`  categories: ${s.categories.join(", ")}`);
  if (s.vendors.length > 0) lines.push(`  vendors: ${s.vendors.join(", ")}${s.countries.length > 0 ? ` (countries: ${s.countries.join(", ")})` : ""}`);
  for (const f of i.inventory.systemFlows) {
    const what = [...f.copies.map((c) => `${c.from} → ${c.to}`), ...(f.categories.length > 0 ? [`categories ${f.categories.join(", ")}`] : [])].join("; ");
    lines.push(`  flows into our system '${f.to}': ${what}`);
  }
  for (const w of i.warnings) {
    const where = [w.line ? `line ${w.line}` : "", w.row ? `row ${w.row}, column ${w.column ?? "?"}` : "", w.field].filter(Boolean).join(", ");
    lines.push(`  warning (${where}): ${w.message}`);
  }
  return lines.join("\n");
}
