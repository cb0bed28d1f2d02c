/**
 * `npm run import -- <file>... [--format yaml|csv|fides|openlineage|assessment|cnil-pia] [--namespace ns=system-id]... [--dry-run]`: reads inventories in any supported format,
 * validates all of them, then loads them in one transaction (groups of whole files past the transaction budget; each
 * file is one system, and loading it again replaces it). Assessments (our YAML, or a CNIL PIA tool export with
 * `--format cnil-pia`, which may name what it covers with `--covers <node or flow id>`, its `--id` and `--start`) are
 * stored after the inventories, all in one transaction.
 * `--dry-run` prints what would be created and never connects to the database.
 */
import { cliArgs, formatArg, userPath } from "./args.js";
import { describeAssessment, readAssessmentFiles } from "../assessments/assessment.import.js";
import { readEnv } from "../config/env.js";
import { connectDatabase, waitUntilReachable } from "../db/connect.js";
import { AppError } from "../errors.js";
import { describeImport, importFiles, readImportFiles, readLookup } from "../import/import.service.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";

const USAGE =
  "npm run import -- <file>... [--format yaml|csv|fides|openlineage|assessment|cnil-pia] [--namespace ns=system-id]... [--covers <id>]... [--id <assessment id>] [--start <node id>] [--dry-run]";
const { values, positionals } = cliArgs(
  {
    format: { type: "string" },
    "dry-run": { type: "boolean" },
    namespace: { type: "string", multiple: true },
    covers: { type: "string", multiple: true },
    id: { type: "string" },
    start: { type: "string" },
  },
  USAGE,
);
const cnil = { ...(values.covers ? { covers: values.covers } : {}), ...(values.id ? { id: values.id } : {}), ...(values.start ? { start: values.start } : {}) };
const format = formatArg(values.format, USAGE);
const namespaces: Record<string, string> = {};
for (const pair of values.namespace ?? []) {
  // The namespace may itself hold '=' (a URL with a query); the system id after the last one never does.
  const at = pair.lastIndexOf("=");
  if (at <= 0 || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(pair.slice(at + 1))) {
    console.error(`--namespace must be ns=system-id (a lower-case id such as 'warehouse'), not '${pair}'\nusage: ${USAGE}`);
    process.exit(2);
  }
  namespaces[pair.slice(0, at)] = pair.slice(at + 1);
}
if (positionals.length === 0) {
  console.error(`name at least one file\nusage: ${USAGE}`);
  process.exit(2);
}
const files = positionals.map(userPath);
const cwd = process.env.INIT_CWD ?? process.cwd();

let code = 0;
if (values["dry-run"]) {
  try {
    const split = await readAssessmentFiles(files, format, cnil);
    if (split.issues.length > 0) throw new InventoryValidationError(split.issues);
    const imported = split.others.length > 0 ? await readImportFiles(split.others, await readLookup(), format, { namespaces }) : [];
    for (const i of imported) console.log(describeImport(i, cwd));
    for (const a of split.assessments) console.log(describeAssessment(a, cwd));
    const assessments = split.assessments.length > 0 ? ` and ${split.assessments.length} assessment${split.assessments.length === 1 ? "" : "s"}` : "";
    console.log(`Dry run: nothing was written. ${imported.length} system${imported.length === 1 ? "" : "s"}${assessments} would be loaded.`);
  } catch (err) {
    code = 1;
    console.error(err instanceof InventoryValidationError ? err.message : err);
  }
} else {
  // The database starts while the files are read and validated (a JVM start and a YAML parse, each seconds long, on
  // different processes); the load waits for both. A file that fails validation still writes nothing.
  const connecting = connectDatabase(readEnv());
  connecting.catch(() => undefined); // reported where the load awaits it
  try {
    // Facts cite each file by the path given (relative to where the command runs).
    const report = await importFiles(
      connecting.then(async (db) => {
        await waitUntilReachable(db.graph);
        return db.graph;
      }),
      files,
      format,
      { namespaces, cnil },
      cwd,
    );
    for (const i of report.imported) console.log(describeImport(i, cwd));
    if (report.systems.length > 0) console.log(`Loaded ${report.systems.join(", ")}: ${report.nodes} nodes, ${report.relationships} relationships in ${report.millis} ms.`);
    for (const a of report.assessments) {
      console.log(`Loaded assessment '${a.id}' (${a.name}, ${a.status}): covers ${a.nodes.length} node${a.nodes.length === 1 ? "" : "s"} and ${a.flows.length} flow${a.flows.length === 1 ? "" : "s"}.`);
      if (a.fingerprintSource === "import") console.log(`  fingerprint of the covered facts, recorded now: ${a.fingerprint} (state it as assessment.fingerprint to keep it across loads)`);
      else if (a.changed) console.log(`  warning: the covered facts changed since the fingerprint the file states (Art. 35(11): review the assessment)`);
    }
  } catch (err) {
    code = 1;
    // The database's own reason (a log note behind a 503-style message) is what the person importing needs to act on.
    const cause = err instanceof AppError && err.logNote ? ` (${err.logNote})` : "";
    console.error(err instanceof InventoryValidationError ? err.message : `Import failed, the graph is unchanged: ${(err as Error).message}${cause}`);
  } finally {
    await (await connecting.catch(() => null))?.close();
  }
}
process.exit(code);
