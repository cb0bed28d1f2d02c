/**
 * `npm run import` for assessments: an assessment file (YAML/JSON) or a CNIL PIA export → validated → checked against
 * the graph (every node and flow it names must exist) → stored, with the fingerprint of the facts it covers (the one
 * the file states, or the graph's at import). All the assessments of one import are written in one transaction.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

import { coveredRefs, flowKey, parseAssessmentText } from "./assessment.parse.js";
import { AssessmentRepository, type StoredAssessment } from "./assessment.repository.js";
import { RISK_KEYS, type Assessment } from "./assessment.schema.js";
import { parseCnilPia, type CnilImportOptions } from "./cnil.import.js";
import type { Graph } from "../db/graph.js";
import { detectFormat } from "../import/import.detect.js";
import type { ImportFormat } from "../import/import.source.js";
import { InventoryValidationError, SourceFile, type InventoryIssue, type PathKey } from "../inventory/inventory.parse.js";

export const ASSESSMENT_FORMATS = ["assessment", "cnil-pia"] as const;
export type AssessmentFormat = (typeof ASSESSMENT_FORMATS)[number];
export const isAssessmentFormat = (f: string | undefined): f is AssessmentFormat => (ASSESSMENT_FORMATS as readonly string[]).includes(f ?? "");

export interface ReadAssessment {
  file: string;
  format: AssessmentFormat;
  assessment: Assessment;
  /** Where a path of the assessment is in its file (YAML line), for problems found against the graph. */
  issue: (p: PathKey[], message: string) => InventoryIssue;
}

export function readAssessmentText(file: string, text: string, format: AssessmentFormat, cnil: CnilImportOptions = {}): ReadAssessment {
  if (format === "cnil-pia") {
    const assessment = parseCnilPia(file, text, cnil);
    return { file, format, assessment, issue: (p, message) => ({ file, line: null, field: p[0] === "assessment" ? "--covers" : p.join("."), message }) };
  }
  const assessment = parseAssessmentText(file, text);
  const source = SourceFile.fromText(file, text);
  return { file, format, assessment, issue: (p, message) => source.issue(p, message) };
}

/**
 * Splits the files of an import: assessments are read here, the rest are left to the inventory importers. Problems
 * of every assessment file are collected, not thrown, so they are reported with the inventories' problems.
 */
export async function readAssessmentFiles(
  files: string[],
  format: ImportFormat | undefined,
  cnil: CnilImportOptions = {},
): Promise<{ others: string[]; assessments: ReadAssessment[]; issues: InventoryIssue[] }> {
  const others: string[] = [];
  const assessments: ReadAssessment[] = [];
  const issues: InventoryIssue[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, "utf8");
    } catch {
      others.push(file); // the inventory reader reports an unreadable file, once
      continue;
    }
    const f = format ?? detectFormat(file, text);
    if (!isAssessmentFormat(f)) {
      others.push(file);
      continue;
    }
    try {
      assessments.push(readAssessmentText(file, text, f, cnil));
    } catch (err) {
      if (!(err instanceof InventoryValidationError)) throw err;
      issues.push(...err.issues);
    }
  }
  return { others, assessments, issues };
}

/** Every place an assessment names a graph fact, with its path in the file. */
function refPaths(a: Assessment): { ref: string; path: PathKey[] }[] {
  return [
    ...(a.assessment.start ? [{ ref: a.assessment.start, path: ["assessment", "start"] as PathKey[] }] : []),
    ...a.assessment.covers.map((ref, i) => ({ ref, path: ["assessment", "covers", i] })),
    ...a.measures.flatMap((m, i) => m.nodes.map((ref, j) => ({ ref, path: ["measures", i, "nodes", j] }))),
    ...RISK_KEYS.flatMap((k) => (a.risks[k]?.nodes ?? []).map((ref, j) => ({ ref, path: ["risks", k, "nodes", j] as PathKey[] }))),
    ...a.transfers.map((t, i) => ({ ref: t.flow, path: ["transfers", i, "flow"] as PathKey[] })),
  ];
}

export interface LoadedAssessment extends StoredAssessment {
  /** The graph's fingerprint now differs from the one the file states. */
  changed: boolean;
}

export async function loadAssessments(graph: Graph, read: ReadAssessment[], loadedAt = new Date().toISOString()): Promise<LoadedAssessment[]> {
  const repo = new AssessmentRepository(graph);
  const issues: InventoryIssue[] = [];
  const ids = new Map<string, string>();
  const out: { stored: StoredAssessment; assessment: Assessment; changed: boolean }[] = [];
  for (const r of read) {
    const a = r.assessment;
    const earlier = ids.get(a.assessment.id);
    if (earlier) issues.push(r.issue(["assessment", "id"], `'${a.assessment.id}' is also the id of the assessment in ${earlier}`));
    ids.set(a.assessment.id, r.file);
    const coverage = coveredRefs(a);
    const missing = await repo.missing(coverage);
    const gone = new Set([...missing.nodes, ...missing.flows]);
    for (const { ref, path } of refPaths(a)) {
      const key = flowKey(ref) ?? ref;
      if (gone.has(key)) issues.push(r.issue(path, `'${ref}' names no ${flowKey(ref) ? "vendor flow or flow into another of our systems" : "node"} in the graph`));
    }
    if (gone.size > 0) continue;
    const current = await repo.fingerprint(coverage);
    const stated = a.assessment.fingerprint;
    out.push({
      assessment: a,
      changed: stated !== undefined && stated !== current,
      stored: {
        id: a.assessment.id,
        name: a.assessment.name,
        status: a.assessment.status,
        nodes: coverage.nodes,
        flows: coverage.flows,
        fingerprint: stated ?? current,
        fingerprintSource: stated ? "file" : "import",
        file: r.file,
        format: r.format,
        loadedAt,
      },
    });
  }
  if (issues.length > 0) throw new InventoryValidationError(issues);
  await repo.write(out);
  return out.map((o) => ({ ...o.stored, changed: o.changed }));
}

/** What an import would store, for `--dry-run`. */
export function describeAssessment(r: ReadAssessment, cwd = process.cwd()): string {
  const a = r.assessment;
  const c = coveredRefs(a);
  const risks = RISK_KEYS.filter((k) => a.risks[k]).length;
  return [
    `${path.relative(cwd, r.file) || r.file} (${r.format}) → assessment '${a.assessment.id}' (${a.assessment.name}, ${a.assessment.status})`,
    `  ${a.measures.length} measures, ${risks} risks, ${a.evaluations.length} evaluations, ${a.comments.length} comments, ${a.transfers.length} transfer assessments; covers ${c.nodes.length} nodes and ${c.flows.length} flows`,
  ].join("\n");
}
