/**
 * `npm run generate -- --scale S|M|L --out <dir> [--seed N] [--shared-names]`: writes a synthetic estate, one
 * inventory file per system, for the benchmark (or to try the explorer on something the size of a company).
 * The same scale and seed always write the same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { Document, isMap, isSeq } from "yaml";

import { estateCounts, generateEstate, SCALES, type EstateFile, type Scale } from "./estate.js";
import { readCatalogue } from "../server/src/inventory/inventory.parse.js";
import { CATALOGUE_DIR } from "../server/src/inventory/paths.js";

export const DEFAULT_SEED = 12;

/** YAML with one line per column, flow, source and reference, as the built-in inventories are written. */
export function toYaml(file: EstateFile): string {
  const doc = new Document(file.inventory);
  for (const key of ["subjects", "purposes", "sources", "references"]) {
    const seq = doc.get(key, true);
    if (isSeq(seq)) for (const item of seq.items) if (isMap(item)) item.flow = true;
  }
  const entities = doc.get("entities", true);
  if (isSeq(entities)) {
    for (const e of entities.items) {
      if (!isMap(e)) continue;
      const columns = e.get("columns", true);
      if (isSeq(columns)) for (const c of columns.items) if (isMap(c)) c.flow = true;
    }
  }
  const hosting = doc.getIn(["system", "hostingCountries"], true);
  if (isSeq(hosting)) hosting.flow = true;
  const flows = doc.get("systemFlows", true);
  if (isSeq(flows)) for (const f of flows.items) if (isMap(f)) for (const k of ["categories", "copies"]) {
    const node = f.get(k, true);
    if (isSeq(node)) for (const item of node.items) if (isMap(item)) item.flow = true;
    if (k === "categories" && isSeq(node)) node.flow = true;
  }
  const vendors = doc.get("vendors", true);
  if (isSeq(vendors)) for (const v of vendors.items) if (isMap(v)) for (const k of ["vendor", "dataCountries", "receives", "sendsBack"]) {
    const node = v.get(k, true);
    if (isMap(node) || isSeq(node)) node.flow = true;
  }
  return `# Synthetic inventory written by \`npm run generate\`; not real data.\n${doc.toString({ lineWidth: 0 })}`;
}

export async function writeEstate(opts: { scale: Scale; out: string; seed: number; sharedNames: boolean }): Promise<{ files: string[]; counts: ReturnType<typeof estateCounts> }> {
  const catalogue = await readCatalogue(CATALOGUE_DIR);
  const estate = generateEstate({
    scale: opts.scale,
    seed: opts.seed,
    sharedNames: opts.sharedNames,
    categories: [...catalogue.categories.keys()],
    countries: [...catalogue.countries.values()].map((c) => ({ code: c.code, eea: c.eea })),
  });
  mkdirSync(opts.out, { recursive: true });
  const files = estate.map((f) => {
    const file = path.join(opts.out, f.name);
    writeFileSync(file, toYaml(f));
    return file;
  });
  return { files, counts: estateCounts(estate) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { scale: { type: "string", default: "S" }, out: { type: "string" }, seed: { type: "string", default: String(DEFAULT_SEED) }, "shared-names": { type: "boolean", default: false } },
  });
  const scale = values.scale.toUpperCase();
  if (!(scale in SCALES) || !values.out || !/^\d+$/.test(values.seed)) {
    console.error("usage: npm run generate -- --scale S|M|L --out <dir> [--seed N] [--shared-names]");
    process.exit(2);
  }
  const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  const started = performance.now();
  const { files, counts } = await writeEstate({ scale: scale as Scale, out, seed: Number(values.seed), sharedNames: values["shared-names"] });
  console.log(
    `Wrote ${files.length} inventories to ${out} in ${Math.round(performance.now() - started)} ms: ${counts.tables.toLocaleString("en")} tables, ` +
      `${counts.columns.toLocaleString("en")} columns (${Math.round((100 * counts.personal) / counts.columns)} % personal), ${counts.vendors} vendors in ${counts.flows} flows, ${counts.systemFlows} flows between systems (${counts.systemCopies} table copies).`,
  );
}
