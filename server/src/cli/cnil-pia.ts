/** `npm run export -- --format cnil-pia`: an assessment (loaded, or from a file) → a CNIL PIA tool export, with the graph's description. */
import { readFile } from "node:fs/promises";

import { isAssessmentFormat, readAssessmentText } from "../assessments/assessment.import.js";
import { AssessmentRepository } from "../assessments/assessment.repository.js";
import type { Assessment } from "../assessments/assessment.schema.js";
import { toCnilPia } from "../assessments/cnil.export.js";
import { readEnv } from "../config/env.js";
import { connectDatabase } from "../db/connect.js";
import type { Graph } from "../db/graph.js";
import { NotFoundError } from "../errors.js";
import { detectFormat } from "../import/import.detect.js";
import { nodeResolver } from "../nodes/node.resolve.js";
import { describeProcessing } from "../reports/cnil.describe.js";
import { DpiaFactsRepository } from "../reports/dpia.facts.js";
import { TraceRepository } from "../trace/trace.repository.js";

/** The export's JSON text for assessment `id`: from `files` when given (the one with that id), else from the graph. */
export async function cnilPiaText(graph: Graph, id: string, files: string[] = []): Promise<string> {
  let assessment: Assessment | undefined;
  for (const file of files) {
    const text = await readFile(file, "utf8");
    const f = detectFormat(file, text);
    if (!isAssessmentFormat(f)) continue;
    const a = readAssessmentText(file, text, f).assessment;
    if (a.assessment.id === id) assessment = a;
  }
  assessment ??= (await new AssessmentRepository(graph).get(id))?.assessment;
  if (!assessment) throw new NotFoundError(`No assessment '${id}' ${files.length ? `in ${files.join(", ")}` : "is loaded"}`);
  const description = await describeProcessing(assessment, { trace: new TraceRepository(graph), resolver: nodeResolver(graph), facts: new DpiaFactsRepository(graph) });
  return `${JSON.stringify(toCnilPia(assessment, description), null, 2)}\n`;
}

export async function exportCnilPia(id: string, files: string[]): Promise<string> {
  const db = await connectDatabase(readEnv());
  try {
    return await cnilPiaText(db.graph, id, files);
  } finally {
    await db.close();
  }
}
