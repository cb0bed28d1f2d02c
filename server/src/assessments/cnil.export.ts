/**
 * Pure: an assessment → a CNIL PIA tool export (`{pia, answers, measures, evaluations, comments}`) the tool imports,
 * every field where `cnil.import.ts` read it from. The graph's description of the processing goes into the data
 * (121) and life-cycle/data-flow (122) answers: after the assessment's own words, under one heading, so exporting
 * again replaces it rather than adding a second one.
 */
import { RISK_KEYS, type Assessment } from "./assessment.schema.js";
import { commentRef, evaluationRef, EVALUATION_STATUS, PIA_STATUS, RISK_GAUGES, RISK_LISTS, riskQuestionId, TEXT_QUESTIONS } from "./cnil.map.js";

/** The heading that opens the graph's part of an answer; what follows it is the graph's, replaced on every export. */
export const GRAPH_HEADING = "<p><strong>From the lineage graph";

export interface GraphDescription {
  /** HTML for "What are the data processed?" (121). */
  data: string;
  /** HTML for "How does the life cycle of data and processes work?" (122). */
  lifecycle: string;
  /** When and from what it was read. */
  caption: string;
}

/** An answer without the graph's part an earlier export added. */
export function ownWords(text: string | undefined): string {
  if (!text) return "";
  const at = text.indexOf(GRAPH_HEADING);
  return (at < 0 ? text : text.slice(0, at)).trim();
}

function withGraph(text: string | undefined, graph: string, caption: string): string {
  const own = ownWords(text);
  const block = `${GRAPH_HEADING} (${caption})</strong></p>${graph}`;
  return own ? `${own}\n${block}` : block;
}

export function toCnilPia(a: Assessment, graph: GraphDescription | undefined, now = new Date().toISOString()) {
  const created = a.assessment.createdAt ?? now;
  // CNIL measure ids are numbers; an id of ours that is not one gets the next free number.
  const numeric = a.measures.map((m) => (/^\d+$/.test(m.id) ? Number(m.id) : undefined));
  let next = Math.max(0, ...numeric.filter((n): n is number => n !== undefined)) + 1;
  const measureNumbers = new Map(a.measures.map((m, i) => [m.id, numeric[i] ?? next++]));
  const measureId = (id: string) => measureNumbers.get(id);

  const answers: { reference_to: number; data: { text: string | null; gauge: number | null; list: string[] }; created_at: string }[] = [];
  for (const q of TEXT_QUESTIONS) {
    let text = (q.part === "context" ? (a.context as Record<string, string | undefined>) : (a.principles as Record<string, string | undefined>))[q.key];
    if (graph && q.id === 121) text = withGraph(text, graph.data, graph.caption);
    if (graph && q.id === 122) text = withGraph(text, graph.lifecycle, graph.caption);
    if (text !== undefined) answers.push({ reference_to: q.id, data: { text, gauge: 0, list: [] }, created_at: created });
  }
  for (const k of RISK_KEYS) {
    const r = a.risks[k];
    if (!r) continue;
    for (const f of RISK_LISTS) answers.push({ reference_to: riskQuestionId(k, f), data: { text: null, gauge: null, list: r[f] }, created_at: created });
    for (const f of RISK_GAUGES) {
      const e = r[f];
      if (e.level !== undefined || e.text !== undefined) answers.push({ reference_to: riskQuestionId(k, f), data: { text: e.text ?? null, gauge: e.level ?? 0, list: [] }, created_at: created });
    }
  }

  const v = a.validation;
  const status = (s: "favourable" | "unfavourable" | undefined) => (s === "favourable" ? 1 : s === "unfavourable" ? 0 : null);
  return {
    pia: {
      name: a.assessment.name,
      status: PIA_STATUS.indexOf(a.assessment.status),
      category: a.assessment.category ?? "",
      author_name: a.assessment.author ?? "",
      evaluator_name: a.assessment.evaluator ?? "",
      validator_name: a.assessment.validator ?? "",
      dpo_status: status(v.dpo.status),
      dpo_opinion: v.dpo.opinion ?? "",
      dpos_names: v.dpo.names ?? "",
      concerned_people_opinion: v.dataSubjects.opinion ?? "",
      concerned_people_status: status(v.dataSubjects.status),
      concerned_people_searched_opinion: v.dataSubjects.sought ?? null,
      concerned_people_searched_content: v.dataSubjects.notSoughtReason ?? "",
      people_names: v.dataSubjects.names ?? "",
      rejection_reason: v.rejectionReason ?? "",
      applied_adjustments: v.appliedAdjustments ?? "",
      created_at: created,
      updated_at: a.assessment.updatedAt ?? now,
    },
    answers,
    measures: a.measures.map((m) => ({
      id: measureNumbers.get(m.id)!,
      title: m.title,
      content: m.content ?? "",
      placeholder: m.placeholder ?? "",
      created_at: m.createdAt ?? created,
      ...(m.updatedAt ? { updated_at: m.updatedAt } : {}),
    })),
    evaluations: a.evaluations.flatMap((e) => {
      const ref = evaluationRef(e.of, measureId);
      if (!ref) return [];
      return [
        {
          reference_to: ref,
          status: EVALUATION_STATUS.indexOf(e.status),
          ...(e.actionPlan !== undefined ? { action_plan_comment: e.actionPlan } : {}),
          ...(e.comment !== undefined ? { evaluation_comment: e.comment } : {}),
          gauges: { x: e.residual?.severity ?? 0, y: e.residual?.likelihood ?? 0 },
          estimated_implementation_date: e.implementationDate ?? null,
          ...(e.personInCharge !== undefined ? { person_in_charge: e.personInCharge } : {}),
          ...(e.evaluationDate !== undefined ? { evaluation_date: e.evaluationDate } : {}),
          global_status: e.globalStatus ?? 0,
          created_at: e.createdAt ?? created,
          ...(e.updatedAt ? { updated_at: e.updatedAt } : {}),
        },
      ];
    }),
    comments: a.comments.flatMap((c) => {
      const ref = commentRef(c.on, measureId);
      if (!ref) return [];
      return [{ description: c.text, ...ref, created_at: c.createdAt ?? created, ...(c.updatedAt ? { updated_at: c.updatedAt } : {}) }];
    }),
  };
}
