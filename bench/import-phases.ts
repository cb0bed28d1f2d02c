/**
 * `npm run bench:import -- <file or dir>... [--data <neo4j data dir>] [--twice]`: where the time of `npm run import`
 * goes. Runs the same steps as the import CLI (`importFiles`), each timed: the process start (node + tsx), the database
 * start, reading the catalogue, detecting assessments, parsing and validating, building the graph rows, the schema, each
 * statement of the load transaction (summed per Cypher file), the commit and closing the database (its checkpoint).
 * `--twice` imports the same files again into the same database (the re-import). Prints CPU time and the load average
 * beside the wall clock: on a shared machine the wall clock says little alone. The data folder is removed at the end
 * unless `--data` names one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

import { waitForDatabase } from "./connect.js";
import { readAssessmentFiles } from "../server/src/assessments/assessment.import.js";
import { readEnv } from "../server/src/config/env.js";
import { connectDatabase } from "../server/src/db/connect.js";
import { expandDirectories, readImportFiles, readLookup } from "../server/src/import/import.service.js";
import { readLoadedSystems } from "../server/src/import/openlineage.repository.js";
import { timed } from "../server/src/inventory/inventory.repository.js";
import { citeFiles, loadInventories } from "../server/src/inventory/seed.service.js";

const startedAt = performance.now(); // ms since the process started: node, tsx and this module's imports
const { values, positionals } = parseArgs({ options: { data: { type: "string" }, twice: { type: "boolean", default: false } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error("usage: npm run bench:import -- <file or dir>... [--data <neo4j data dir>] [--twice]");
  process.exit(2);
}
const cwd = process.env.INIT_CWD ?? process.cwd();
const files = positionals.map((f) => path.resolve(cwd, f));
const dataDir = values.data ? path.resolve(cwd, values.data) : mkdtempSync(path.join(os.tmpdir(), "pd-lineage-import-"));

const steps = new Map<string, { ms: number; count: number }>();
const timer = (step: string, ms: number) => {
  const s = steps.get(step) ?? { ms: 0, count: 0 };
  steps.set(step, { ms: s.ms + ms, count: s.count + 1 });
};
const cpu0 = process.cpuUsage();
const load0 = os.loadavg()[0]!;
timer("process start (node, tsx, imports)", startedAt);

const db = await timed(timer, "database start", async () => {
  const started = await connectDatabase({ ...readEnv(), NEO4J_DATA_DIR: dataDir }, () => undefined);
  await waitForDatabase(started.graph);
  return started;
});
try {
  for (const round of values.twice ? ["import", "re-import"] : ["import"]) {
    const began = performance.now();
    const lookup = await timed(timer, `${round}: catalogue`, () => readLookup());
    const split = await timed(timer, `${round}: detect formats (assessments)`, async () => readAssessmentFiles(await expandDirectories(files), undefined));
    const imported = await timed(timer, `${round}: parse and validate`, () => readImportFiles(split.others, lookup, undefined, { loadedSystems: (s) => readLoadedSystems(db.graph, s) }));
    const parsed = imported.map((i) => ({ file: i.file, inventory: i.inventory, sha256: i.sha256 ?? null }));
    citeFiles(parsed);
    const report = await loadInventories(db.graph, parsed, lookup.catalogue, undefined, (step, ms) => timer(`${round}: ${step}`, ms));
    timer(`${round}: total`, performance.now() - began);
    console.log(`${round}: ${report.nodes} nodes, ${report.relationships} relationships`);
  }
} finally {
  await timed(timer, "database stop (checkpoint)", () => db.close());
  if (!values.data) rmSync(dataDir, { recursive: true, force: true });
}
const cpu = process.cpuUsage(cpu0);
console.log(`\n| step | ms | runs |\n|---|---:|---:|`);
for (const [step, s] of steps) console.log(`| ${step} | ${Math.round(s.ms).toLocaleString("en")} | ${s.count} |`);
console.log(`\nwall ${Math.round(performance.now()).toLocaleString("en")} ms since the process started; node CPU ${Math.round((cpu.user + cpu.system) / 1000).toLocaleString("en")} ms (the database's JVM not counted); load average ${load0.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
process.exit(0);
