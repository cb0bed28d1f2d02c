/**
 * A CNIL PIA tool export → an assessment file's content, every answer, measure, evaluation and comment in its one
 * place (`cnil.map.ts`), the DPO's and the data subjects' opinions, and the gauges of each risk (severity and
 * likelihood as assessed) and of its evaluation (residual). Answer HTML is sanitised by `checkAssessment`, its words
 * kept as written. A problem is reported at its line in the export.
 */
import { checkAssessment } from "./assessment.parse.js";
import { RISK_KEYS, type Assessment, type AssessmentInput } from "./assessment.schema.js";
import { commentOn, evaluationOf, EVALUATION_STATUS, PIA_STATUS, riskQuestion, TEXT_QUESTIONS } from "./cnil.map.js";
import { CnilPiaSchema } from "./cnil.schema.js";
import { slugify } from "../import/import.source.js";
import { fieldPath, InventoryValidationError, SourceFile, type InventoryIssue, type InventorySource, type PathKey } from "../inventory/inventory.parse.js";

/** The assessment built from an export: a problem at one of its paths is reported at the export's line it came from. */
class BuiltAssessment implements InventorySource {
  private readonly lines = new Map<string, number | null>();
  constructor(
    readonly file: string,
    readonly value: AssessmentInput,
  ) {}
  at(p: PathKey[], origin: { line: number | null }): void {
    this.lines.set(fieldPath(p), origin.line);
  }
  issue(p: readonly PathKey[], message: string): InventoryIssue {
    for (let n = p.length; n >= 0; n--) {
      const line = this.lines.get(fieldPath(p.slice(0, n)));
      if (line !== undefined) return { file: this.file, line, field: fieldPath(p), message };
    }
    return { file: this.file, line: null, field: fieldPath(p), message };
  }
}

export interface CnilImportOptions {
  /** The assessment's id; default: the PIA's name as a slug. */
  id?: string;
  /** Graph nodes and flows the assessment covers (the CNIL tool has no field for them). */
  covers?: string[];
  start?: string;
}

const opt = <K extends string, V>(key: K, v: V | null | undefined): Partial<Record<K, V>> => (v === null || v === undefined ? {} : ({ [key]: v } as Record<K, V>));

const opinionStatus = (s: number | null | undefined) => (s === 1 ? ("favourable" as const) : s === 0 ? ("unfavourable" as const) : null);

export function parseCnilPia(file: string, text: string, opts: CnilImportOptions = {}): Assessment {
  const source = SourceFile.fromText(file, text);
  const cnil = source.parse(CnilPiaSchema);
  const issues: InventoryIssue[] = [];
  if (cnil.pia.structure_id !== undefined && cnil.pia.structure_id !== null) {
    issues.push(source.issue(["pia", "structure_id"], "is a PIA on a custom structure: only the CNIL's standard structure maps to an assessment"));
  }

  const out: AssessmentInput = {
    assessment: {
      id: opts.id ?? (slugify(cnil.pia.name) || "cnil-pia"),
      name: cnil.pia.name,
      status: PIA_STATUS[cnil.pia.status ?? 0] ?? "in-progress",
      ...opt("category", cnil.pia.category || null),
      ...opt("author", cnil.pia.author_name || null),
      ...opt("evaluator", cnil.pia.evaluator_name || null),
      ...opt("validator", cnil.pia.validator_name || null),
      ...opt("createdAt", cnil.pia.created_at),
      ...opt("updatedAt", cnil.pia.updated_at),
      ...opt("start", opts.start),
      covers: opts.covers ?? [],
    },
    context: {},
    principles: {},
    measures: [],
    risks: {},
    evaluations: [],
    comments: [],
    validation: {
      dpo: { ...opt("names", cnil.pia.dpos_names || null), ...opt("status", opinionStatus(cnil.pia.dpo_status)), ...opt("opinion", cnil.pia.dpo_opinion || null) },
      dataSubjects: {
        ...opt("sought", cnil.pia.concerned_people_searched_opinion),
        ...opt("names", cnil.pia.people_names || null),
        ...opt("status", opinionStatus(cnil.pia.concerned_people_status)),
        ...opt("opinion", cnil.pia.concerned_people_opinion || null),
        ...opt("notSoughtReason", cnil.pia.concerned_people_searched_content || null),
      },
      ...opt("rejectionReason", cnil.pia.rejection_reason || null),
      ...opt("appliedAdjustments", cnil.pia.applied_adjustments || null),
    },
  };
  const built = new BuiltAssessment(file, out);
  const line = (p: (string | number)[]) => ({ line: source.lineOf(p) });
  built.at(["assessment"], line(["pia"]));
  built.at(["validation"], line(["pia"]));

  const context = out.context as Record<string, string>;
  const principles = out.principles as Record<string, string>;
  const risks = out.risks as Record<string, Record<string, unknown>>;
  const seen = new Map<number, number>();
  cnil.answers.forEach((a, i) => {
    const id = a.reference_to;
    if (seen.has(id)) {
      issues.push(source.issue(["answers", i, "reference_to"], `answers question ${id} again (first at answers[${seen.get(id)}])`));
      return;
    }
    seen.set(id, i);
    const q = TEXT_QUESTIONS.find((t) => t.id === id);
    if (q) {
      if (a.data.text !== null && a.data.text !== undefined) (q.part === "context" ? context : principles)[q.key] = a.data.text;
      built.at([q.part, q.key], line(["answers", i]));
      return;
    }
    const r = riskQuestion(id);
    if (!r) {
      issues.push(source.issue(["answers", i, "reference_to"], `${id} is not a question of the CNIL PIA structure (111–123, 211–227, 321–346)`));
      return;
    }
    const risk = (risks[r.risk] ??= {});
    if (r.field === "severity" || r.field === "likelihood") {
      risk[r.field] = { ...opt("level", a.data.gauge && a.data.gauge > 0 ? a.data.gauge : null), ...opt("text", a.data.text) };
    } else {
      risk[r.field] = a.data.list ?? [];
    }
    built.at(["risks", r.risk], line(["answers", i]));
  });

  cnil.measures.forEach((m, i) => {
    (out.measures as unknown[]).push({
      id: String(m.id),
      title: m.title ?? "",
      ...opt("content", m.content),
      ...opt("placeholder", m.placeholder),
      ...opt("createdAt", m.created_at),
      ...opt("updatedAt", m.updated_at),
    });
    built.at(["measures", i], line(["measures", i]));
  });

  cnil.evaluations.forEach((e, i) => {
    const of = evaluationOf(e.reference_to);
    const residual = e.gauges && ((e.gauges.x ?? 0) > 0 || (e.gauges.y ?? 0) > 0 || of.startsWith("risks.")) ? { severity: e.gauges.x ?? 0, likelihood: e.gauges.y ?? 0 } : undefined;
    (out.evaluations as unknown[]).push({
      of,
      status: EVALUATION_STATUS[e.status ?? 0] ?? "pending",
      ...opt("globalStatus", e.global_status),
      ...opt("comment", e.evaluation_comment),
      ...opt("actionPlan", e.action_plan_comment),
      ...opt("residual", residual),
      ...opt("implementationDate", e.estimated_implementation_date),
      ...opt("personInCharge", e.person_in_charge),
      ...opt("evaluationDate", e.evaluation_date),
      ...opt("createdAt", e.created_at),
      ...opt("updatedAt", e.updated_at),
    });
    built.at(["evaluations", i], line(["evaluations", i]));
  });

  cnil.comments.forEach((c, i) => {
    (out.comments as unknown[]).push({ on: commentOn(c.reference_to, c.for_measure ?? false), text: c.description ?? "", ...opt("createdAt", c.created_at), ...opt("updatedAt", c.updated_at) });
    built.at(["comments", i], line(["comments", i]));
  });

  if (issues.length > 0) throw new InventoryValidationError(issues);
  // A risk the export answers only in part still gets its lists, so the pack shows what is missing as missing.
  for (const k of RISK_KEYS) if (risks[k]) risks[k] = { impacts: [], threats: [], sources: [], measures: [], ...risks[k] };
  return checkAssessment(built);
}
