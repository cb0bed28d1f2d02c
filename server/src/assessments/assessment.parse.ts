/**
 * Reads an assessment file (YAML or JSON) with the inventory reader's line numbers: the schema, then the rules the
 * schema cannot say (measure ids unique, every evaluation and comment on a place that exists). Answer HTML is
 * sanitised here, so what is stored is what may be shown.
 */
import { sanitiseHtml } from "./assessment.sanitise.js";
import { AssessmentSchema, RISK_KEYS, type Assessment } from "./assessment.schema.js";
import { KNOWN_PLACES } from "./cnil.map.js";
import { InventoryValidationError, parseWith, SourceFile, type InventoryIssue, type InventorySource, type PathKey } from "../inventory/inventory.parse.js";

export function parseAssessmentText(file: string, text: string): Assessment {
  return checkAssessment(SourceFile.fromText(file, text));
}

/** Validates an assessment from any source (a YAML file, or a CNIL export turned into one) and sanitises its text. */
export function checkAssessment(source: InventorySource): Assessment {
  const a = parseWith(source, AssessmentSchema);
  const issues: InventoryIssue[] = [];
  const at = (p: PathKey[], message: string) => issues.push(source.issue(p, message));
  const measureIds = new Set<string>();
  a.measures.forEach((m, i) => {
    if (measureIds.has(m.id)) at(["measures", i, "id"], `'${m.id}' is the id of an earlier measure`);
    measureIds.add(m.id);
  });
  const place = (s: string) => KNOWN_PLACES.has(s) || s.startsWith("cnil:") || (s.startsWith("measures.") && measureIds.has(s.slice("measures.".length)));
  a.evaluations.forEach((e, i) => {
    if (!place(e.of)) at(["evaluations", i, "of"], `'${e.of}' names no part of the assessment (a question such as 'principles.legalBasis', 'measures.<id>' of a measure above, or 'risks.illegitimateAccess')`);
  });
  a.comments.forEach((c, i) => {
    if (!place(c.on)) at(["comments", i, "on"], `'${c.on}' names no question or measure of the assessment`);
  });
  const flows = new Set<string>();
  a.transfers.forEach((t, i) => {
    const f = flowKey(t.flow);
    if (!f) at(["transfers", i, "flow"], "must be a vendor flow id, e.g. 'kentico/paypal'");
    else if (flows.has(f)) at(["transfers", i, "flow"], `'${f}' has an earlier transfer assessment in this file`);
    else flows.add(f);
  });
  if (issues.length > 0) throw new InventoryValidationError(issues);
  return sanitiseAssessment(a);
}

/** `flow:kentico/paypal` or `kentico/paypal` → `kentico/paypal`; a node id → undefined. */
export function flowKey(ref: string): string | undefined {
  if (ref.startsWith("flow:")) return ref.slice(5);
  return ref.includes(":") ? undefined : ref;
}

const clean = <T extends Record<string, string | undefined>>(o: T): T =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === undefined ? v : sanitiseHtml(v)])) as T;

function sanitiseAssessment(a: Assessment): Assessment {
  const risks: Assessment["risks"] = {};
  const estimate = <E extends { text?: string | undefined }>(e: E): E => (e.text !== undefined ? { ...e, text: sanitiseHtml(e.text) } : e);
  for (const k of RISK_KEYS) {
    const r = a.risks[k];
    if (r) risks[k] = { ...r, severity: estimate(r.severity), likelihood: estimate(r.likelihood) };
  }
  const v = a.validation;
  return {
    ...a,
    context: clean(a.context),
    principles: clean(a.principles),
    measures: a.measures.map((m) => ({ ...m, ...(m.content !== undefined ? { content: sanitiseHtml(m.content) } : {}) })),
    risks,
    evaluations: a.evaluations.map((e) => ({
      ...e,
      ...(e.comment !== undefined ? { comment: sanitiseHtml(e.comment) } : {}),
      ...(e.actionPlan !== undefined ? { actionPlan: sanitiseHtml(e.actionPlan) } : {}),
    })),
    comments: a.comments.map((c) => ({ ...c, text: sanitiseHtml(c.text) })),
    validation: {
      ...v,
      dpo: { ...v.dpo, ...(v.dpo.opinion !== undefined ? { opinion: sanitiseHtml(v.dpo.opinion) } : {}) },
      dataSubjects: {
        ...v.dataSubjects,
        ...(v.dataSubjects.opinion !== undefined ? { opinion: sanitiseHtml(v.dataSubjects.opinion) } : {}),
        ...(v.dataSubjects.notSoughtReason !== undefined ? { notSoughtReason: sanitiseHtml(v.dataSubjects.notSoughtReason) } : {}),
      },
      ...(v.rejectionReason !== undefined ? { rejectionReason: sanitiseHtml(v.rejectionReason) } : {}),
      ...(v.appliedAdjustments !== undefined ? { appliedAdjustments: sanitiseHtml(v.appliedAdjustments) } : {}),
      priorConsultation: { ...v.priorConsultation, ...(v.priorConsultation.reason !== undefined ? { reason: sanitiseHtml(v.priorConsultation.reason) } : {}) },
    },
    transfers: a.transfers.map((t) => ({
      ...t,
      ...(t.law !== undefined ? { law: sanitiseHtml(t.law) } : {}),
      ...(t.proceduralSteps !== undefined ? { proceduralSteps: sanitiseHtml(t.proceduralSteps) } : {}),
      ...(t.derogation !== undefined ? { derogation: sanitiseHtml(t.derogation) } : {}),
      ...(t.conclusion !== undefined ? { conclusion: sanitiseHtml(t.conclusion) } : {}),
      supplementaryMeasures: t.supplementaryMeasures.map(sanitiseHtml),
    })),
  };
}

/** Every graph fact an assessment points at (its covers, each risk's and measure's nodes), sorted, once each. */
export function coveredRefs(a: Assessment): { nodes: string[]; flows: string[] } {
  const refs = [...a.assessment.covers, ...(a.assessment.start ? [a.assessment.start] : []), ...a.measures.flatMap((m) => m.nodes), ...RISK_KEYS.flatMap((k) => a.risks[k]?.nodes ?? []), ...a.transfers.map((t) => t.flow)];
  const flows = new Set<string>();
  const nodes = new Set<string>();
  for (const r of refs) {
    const f = flowKey(r);
    if (f) flows.add(f);
    else nodes.add(r);
  }
  return { nodes: [...nodes].sort(), flows: [...flows].sort() };
}
