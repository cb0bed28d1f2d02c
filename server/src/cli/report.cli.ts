/**
 * `npm run report -- dpia --from <node id> [--assessment <id>] --out pack.pdf` (or .html), with the trace's filters
 * (`--category`, `--vendor`, `--country`, `--transfer`, comma-separated); `npm run report -- ropa [--system <id>] --out records.xlsx`
 * (.csv, .md). Opens the graph like `npm run seed`: NEO4J_URI when set, else the embedded Neo4j (not running elsewhere).
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

import { AssessmentRepository } from "../assessments/assessment.repository.js";
import { AssessmentsService } from "../assessments/assessments.service.js";
import { readEnv } from "../config/env.js";
import { connectDatabase } from "../db/connect.js";
import { AppError } from "../errors.js";
import { nodeResolver } from "../nodes/node.resolve.js";
import { DpiaFactsRepository } from "../reports/dpia.facts.js";
import { DpiaService } from "../reports/dpia.service.js";
import { renderPdf, closePdfBrowser } from "../reports/pdf.js";
import { ReportsRepository } from "../reports/reports.repository.js";
import { DpiaQuerySchema, RopaQuerySchema } from "../reports/reports.schema.js";
import { RopaRepository } from "../reports/ropa.repository.js";
import { RopaService } from "../reports/ropa.service.js";
import { TraceRepository } from "../trace/trace.repository.js";

const USAGE = "usage: npm run report -- dpia (--from <node id> | --assessment <id>) --out pack.pdf|pack.html [--category ids] [--vendor ids] [--country codes] [--transfer statuses]\n" + "       npm run report -- ropa [--system <id>] --out records.csv|records.xlsx|records.md";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: "string" },
    assessment: { type: "string" },
    out: { type: "string" },
    system: { type: "string" },
    category: { type: "string" },
    vendor: { type: "string" },
    country: { type: "string" },
    transfer: { type: "string" },
  },
});
const [report] = positionals;
if ((report !== "dpia" && report !== "ropa") || !values.out) {
  console.error(USAGE);
  process.exit(2);
}
const out = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
const ext = path.extname(out).slice(1).toLowerCase();

const db = await connectDatabase(readEnv());
let code = 0;
try {
  if (report === "dpia") {
    if (ext !== "pdf" && ext !== "html") throw new Error(`--out must end in .pdf or .html, not '.${ext}'`);
    const query = DpiaQuerySchema.parse({ from: values.from, assessment: values.assessment, category: values.category, vendor: values.vendor, country: values.country, transfer: values.transfer, format: ext });
    const { html } = await new DpiaService(
      new TraceRepository(db.graph),
      new ReportsRepository(db.graph),
      nodeResolver(db.graph),
      new DpiaFactsRepository(db.graph),
      new AssessmentsService(new AssessmentRepository(db.graph)),
    ).html(query);
    writeFileSync(out, ext === "pdf" ? await renderPdf(html) : html);
  } else {
    if (!["csv", "xlsx", "md"].includes(ext)) throw new Error(`--out must end in .csv, .xlsx or .md, not '.${ext}'`);
    const file = await new RopaService(new RopaRepository(db.graph)).file(RopaQuerySchema.parse({ system: values.system, format: ext }));
    writeFileSync(out, file.body);
  }
  console.log(`Wrote ${out}`);
} catch (err) {
  code = 1;
  console.error(err instanceof AppError || err instanceof Error ? err.message : err);
} finally {
  await closePdfBrowser();
  await db.close();
}
process.exit(code);
