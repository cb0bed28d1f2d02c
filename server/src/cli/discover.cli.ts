/**
 * `npm run discover -- postgres://user:pass@host:5432/db [--schema public[,other]] [--system <id>] [--out file]`: drafts an
 * inventory from live PostgreSQL schemas for review. It only reads the database and never writes to the graph.
 */
import { writeFile } from "node:fs/promises";

import { cliArgs, userPath } from "./args.js";
import { discoverPostgres, discoveryYaml } from "../import/discover.postgres.js";

const USAGE = "npm run discover -- postgres://user:pass@host:5432/db [--schema public[,other]] [--system <id>] [--out file]";
const { values, positionals } = cliArgs({ schema: { type: "string" }, system: { type: "string" }, out: { type: "string" } }, USAGE);
const url = positionals[0];
if (!url || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(`name the database as a postgres:// URL\nusage: ${USAGE}`);
  process.exit(2);
}
try {
  const d = await discoverPostgres({ connectionString: url, ...(values.schema ? { schema: values.schema } : {}), ...(values.system ? { system: values.system } : {}) });
  for (const w of d.warnings) console.error(`warning: ${w}`);
  const text = discoveryYaml(d);
  if (values.out) {
    await writeFile(userPath(values.out), text);
    const suggested = d.inventory.entities.flatMap((e) => e.columns ?? []).filter((c) => c.suggested).length;
    console.error(`wrote ${values.out}: ${d.inventory.entities.length} tables (views included), ${suggested} suggested personal column(s) to review`);
  } else {
    process.stdout.write(text);
  }
} catch (err) {
  console.error(`discover failed: ${(err as Error).message}`);
  process.exit(1);
}
