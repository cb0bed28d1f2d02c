/**
 * The CNIL PIA tool's structure (its `pia_architecture.json`: sections 1 context, 2 fundamental principles, 3 risks,
 * 4 validation) against the keys of an assessment file, both ways. One table, read by the importer, the exporter and
 * the DPIA pack, so a question has one name everywhere.
 */
import { RISK_KEYS, type RiskKey } from "./assessment.schema.js";

export type ContextKey = "processing" | "responsibilities" | "standards" | "data" | "lifecycle" | "supportingAssets";
export type PrincipleKey =
  | "purposes"
  | "legalBasis"
  | "minimisation"
  | "accuracy"
  | "storage"
  | "information"
  | "consent"
  | "accessPortability"
  | "rectificationErasure"
  | "restrictionObjection"
  | "processors"
  | "transfers";

/** Text questions: CNIL question id → where the answer lives, and the question as the CNIL tool asks it (English). */
export const TEXT_QUESTIONS: { id: number; part: "context" | "principles"; key: ContextKey | PrincipleKey; question: string }[] = [
  { id: 111, part: "context", key: "processing", question: "What is the processing under consideration?" },
  { id: 112, part: "context", key: "responsibilities", question: "What are the responsibilities linked to the processing?" },
  { id: 113, part: "context", key: "standards", question: "Are there standards applicable to the processing?" },
  { id: 121, part: "context", key: "data", question: "What are the data processed?" },
  { id: 122, part: "context", key: "lifecycle", question: "How does the life cycle of data and processes work?" },
  { id: 123, part: "context", key: "supportingAssets", question: "What are the data supporting assets?" },
  { id: 211, part: "principles", key: "purposes", question: "Are the processing purposes specified, explicit and legitimate?" },
  { id: 212, part: "principles", key: "legalBasis", question: "What are the legal basis making the processing lawful?" },
  { id: 213, part: "principles", key: "minimisation", question: "Are the data collected adequate, relevant and limited to what is necessary (data minimisation)?" },
  { id: 214, part: "principles", key: "accuracy", question: "Are the data accurate and kept up to date?" },
  { id: 215, part: "principles", key: "storage", question: "What are the storage duration of the data?" },
  { id: 221, part: "principles", key: "information", question: "How are the data subjects informed on the processing?" },
  { id: 222, part: "principles", key: "consent", question: "If applicable, how is the consent of data subjects obtained?" },
  { id: 223, part: "principles", key: "accessPortability", question: "How can data subjects exercise their rights of access and to data portability?" },
  { id: 224, part: "principles", key: "rectificationErasure", question: "How can data subjects exercise their rights to rectification and erasure?" },
  { id: 225, part: "principles", key: "restrictionObjection", question: "How can data subjects exercise their rights to restriction and to object?" },
  { id: 226, part: "principles", key: "processors", question: "Are the obligations of the processors clearly identified and governed by a contract?" },
  { id: 227, part: "principles", key: "transfers", question: "In the case of data transfer outside the European Union, are the data adequately protected?" },
];

/** Risk items: 3.2, 3.3, 3.4; their questions are `<item>1`…`<item>6` (321 impacts … 326 likelihood). */
export const RISK_ITEMS: Record<RiskKey, number> = { illegitimateAccess: 32, unwantedModification: 33, disappearance: 34 };
export const RISK_LISTS = ["impacts", "threats", "sources", "measures"] as const;
export const RISK_GAUGES = ["severity", "likelihood"] as const;

export function riskQuestion(id: number): { risk: RiskKey; field: (typeof RISK_LISTS)[number] | (typeof RISK_GAUGES)[number] } | undefined {
  const risk = RISK_KEYS.find((k) => RISK_ITEMS[k] === Math.floor(id / 10));
  const n = id % 10;
  if (!risk || n < 1 || n > 6) return undefined;
  return { risk, field: n <= 4 ? RISK_LISTS[n - 1]! : RISK_GAUGES[n - 5]! };
}

export function riskQuestionId(risk: RiskKey, field: (typeof RISK_LISTS)[number] | (typeof RISK_GAUGES)[number]): number {
  const n = (RISK_LISTS as readonly string[]).indexOf(field) + 1 || (RISK_GAUGES as readonly string[]).indexOf(field) + 5;
  return RISK_ITEMS[risk] * 10 + n;
}

/**
 * An evaluation's `reference_to` (`1.1`, `2.1.211`, `3.1.<measure id>`, `3.2`) ↔ the `of` of an assessment file
 * (`context.overview`, `principles.purposes`, `measures.<id>`, `risks.illegitimateAccess`). A reference this table
 * does not know is kept as `cnil:<reference>`, never dropped.
 */
const ITEM_REFS: Record<string, string> = { "1.1": "context.overview", "1.2": "context.dataProcessesAssets" };

export function evaluationOf(ref: string): string {
  if (ITEM_REFS[ref]) return ITEM_REFS[ref];
  const q = /^2\.[12]\.(\d{3})$/.exec(ref);
  if (q) {
    const t = TEXT_QUESTIONS.find((x) => x.id === Number(q[1]) && x.part === "principles");
    if (t && ref.startsWith(`2.${String(t.id)[1]}.`)) return `principles.${t.key}`;
  }
  const m = /^3\.1\.(.+)$/.exec(ref);
  if (m) return `measures.${m[1]}`;
  const risk = RISK_KEYS.find((k) => `3.${RISK_ITEMS[k] % 10}` === ref);
  if (risk) return `risks.${risk}`;
  return `cnil:${ref}`;
}

/** The inverse of `evaluationOf`; `measureId` gives the CNIL number of a measure. */
export function evaluationRef(of: string, measureId: (id: string) => number | undefined): string | undefined {
  const item = Object.entries(ITEM_REFS).find(([, v]) => v === of);
  if (item) return item[0];
  if (of.startsWith("cnil:")) return of.slice(5);
  const [part, key] = [of.slice(0, of.indexOf(".")), of.slice(of.indexOf(".") + 1)];
  if (part === "principles") {
    const t = TEXT_QUESTIONS.find((x) => x.part === "principles" && x.key === key);
    return t ? `2.${String(t.id)[1]}.${t.id}` : undefined;
  }
  if (part === "measures") {
    const id = measureId(key);
    return id === undefined ? undefined : `3.1.${id}`;
  }
  if (part === "risks") {
    const risk = RISK_KEYS.find((k) => k === key);
    return risk ? `3.${RISK_ITEMS[risk] % 10}` : undefined;
  }
  return undefined;
}

/** Where a comment is: a question (`context.processing`), a measure (`measures.<id>`) or a CNIL question we do not name. */
export function commentOn(referenceTo: number | string, forMeasure: boolean): string {
  if (forMeasure) return `measures.${referenceTo}`;
  const t = TEXT_QUESTIONS.find((x) => x.id === Number(referenceTo));
  if (t) return `${t.part}.${t.key}`;
  const r = riskQuestion(Number(referenceTo));
  if (r) return `risks.${r.risk}.${r.field}`;
  return `cnil:${referenceTo}`;
}

export function commentRef(on: string, measureId: (id: string) => number | undefined): { reference_to: number; for_measure: boolean } | undefined {
  if (on.startsWith("measures.")) {
    const id = measureId(on.slice("measures.".length));
    return id === undefined ? undefined : { reference_to: id, for_measure: true };
  }
  if (on.startsWith("cnil:")) return Number.isFinite(Number(on.slice(5))) ? { reference_to: Number(on.slice(5)), for_measure: false } : undefined;
  const t = TEXT_QUESTIONS.find((x) => `${x.part}.${x.key}` === on);
  if (t) return { reference_to: t.id, for_measure: false };
  const m = /^risks\.([A-Za-z]+)\.([a-z]+)$/.exec(on);
  const risk = RISK_KEYS.find((k) => k === m?.[1]);
  const field = [...RISK_LISTS, ...RISK_GAUGES].find((f) => f === m?.[2]);
  return risk && field ? { reference_to: riskQuestionId(risk, field), for_measure: false } : undefined;
}

/** Every `of`/`on` an assessment file may use (besides `measures.<id>` and `cnil:<ref>`). */
export const KNOWN_PLACES = new Set<string>([
  ...Object.values(ITEM_REFS),
  ...TEXT_QUESTIONS.map((t) => `${t.part}.${t.key}`),
  ...RISK_KEYS.map((k) => `risks.${k}`),
  ...RISK_KEYS.flatMap((k) => [...RISK_LISTS, ...RISK_GAUGES].map((f) => `risks.${k}.${f}`)),
]);

/** CNIL `pia.status`: 0 doing, 1 refused, 2 simple validation, 3 signed validation, 4 archived. */
export const PIA_STATUS = ["in-progress", "refused", "validated", "signed", "archived"] as const;
/** CNIL evaluation `status`: 0 pending, 1 to be fixed, 2 improvable, 3 acceptable. */
export const EVALUATION_STATUS = ["pending", "to-be-fixed", "improvable", "acceptable"] as const;
