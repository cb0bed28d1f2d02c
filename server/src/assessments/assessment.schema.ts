/**
 * An assessment file: a DPIA in the CNIL PIA structure (context, fundamental principles, risks, measures, validation),
 * kept beside the graph. Every answer the CNIL tool holds has one place here (`cnil.map.ts` names the question each
 * key is), so a CNIL export imports and exports again one to one; what the CNIL tool has no field for (the nodes a risk
 * or measure concerns, a measure's state, prior consultation, sign-off, transfer impact assessments) is ours.
 * Answers are HTML (as the CNIL tool writes them) or plain text; `assessment.sanitise.ts` cleans them on every read.
 */
import { z } from "zod";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?$/;

/**
 * A graph fact an assessment points at: a node id (`table:kentico/CMS_User`) or a vendor flow (engagement) id
 * (`flow:kentico/paypal`, or bare `kentico/paypal`).
 */
export const GraphRef = z
  .string()
  .min(3)
  .max(400)
  .regex(/^(?:[a-z]+:.+|[a-z0-9-]+\/.+)$/, "must be a node id (e.g. 'table:kentico/CMS_User') or a vendor flow id (e.g. 'kentico/paypal')");

const Text = z.string().max(200_000);
const Date_ = z.string().regex(DATE, "must be a date, YYYY-MM-DD (or an ISO timestamp)");

/** The CNIL's 4-level scales: 1 negligible, 2 limited, 3 significant, 4 maximum. */
export const Level = z.number().int().min(1, "must be 1 to 4 (CNIL scale)").max(4, "must be 1 to 4 (CNIL scale)");
export const LEVEL_WORDS: Record<number, string> = { 1: "negligible", 2: "limited", 3: "significant", 4: "maximum" };

const Estimate = z.strictObject({
  level: Level.optional().describe("1 negligible, 2 limited, 3 significant, 4 maximum; absent = not estimated"),
  text: Text.optional().describe("the justification, as written"),
});

export const RISK_KEYS = ["illegitimateAccess", "unwantedModification", "disappearance"] as const;
export type RiskKey = (typeof RISK_KEYS)[number];
export const RISK_WORDS: Record<RiskKey, string> = {
  illegitimateAccess: "Illegitimate access to data",
  unwantedModification: "Unwanted modification of data",
  disappearance: "Data disappearance",
};

const Risk = z.strictObject({
  impacts: z.array(z.string().max(2000)).default([]).describe("main impacts on the data subjects if the risk occurs"),
  threats: z.array(z.string().max(2000)).default([]),
  sources: z.array(z.string().max(2000)).default([]).describe("risk sources"),
  measures: z.array(z.string().max(2000)).default([]).describe("titles of the measures that address the risk"),
  severity: Estimate.default({}),
  likelihood: Estimate.default({}),
  nodes: z.array(GraphRef).default([]).describe("graph nodes or flows this risk concerns"),
});
export type Risk = z.infer<typeof Risk>;

const Measure = z.strictObject({
  id: z.string().min(1).max(80).regex(/^[A-Za-z0-9_-]+$/, "must be letters, digits, '-' or '_'"),
  title: z.string().min(1).max(2000),
  content: Text.optional(),
  placeholder: z.string().max(2000).optional().describe("the CNIL tool's knowledge-base key, kept as read"),
  state: z.enum(["planned", "existing"]).optional().describe("absent = not documented"),
  nodes: z.array(GraphRef).default([]).describe("graph nodes or flows the measure protects"),
  createdAt: z.string().max(40).optional(),
  updatedAt: z.string().max(40).optional(),
});
export type Measure = z.infer<typeof Measure>;

export const EVALUATION_STATUSES = ["pending", "to-be-fixed", "improvable", "acceptable"] as const;

const Evaluation = z.strictObject({
  of: z.string().min(1).max(200).describe("what is evaluated: a section item, question, measure or risk (see FORMAT.md)"),
  status: z.enum(EVALUATION_STATUSES).default("pending"),
  globalStatus: z.number().int().min(0).max(2).optional().describe("CNIL: 0 not started, 1 started, 2 completed"),
  comment: Text.optional(),
  actionPlan: Text.optional(),
  /** For a risk: the residual severity and likelihood the evaluator gives, after the measures (0 = not given). */
  residual: z.strictObject({ severity: z.number().int().min(0).max(4).default(0), likelihood: z.number().int().min(0).max(4).default(0) }).optional(),
  implementationDate: z.string().max(40).optional(),
  personInCharge: z.string().max(400).optional(),
  evaluationDate: z.string().max(40).optional(),
  createdAt: z.string().max(40).optional(),
  updatedAt: z.string().max(40).optional(),
});
export type Evaluation = z.infer<typeof Evaluation>;

const Comment = z.strictObject({
  on: z.string().min(1).max(200).describe("a question (e.g. 'principles.necessity.legalBasis') or 'measures.<id>'"),
  text: Text,
  createdAt: z.string().max(40).optional(),
  updatedAt: z.string().max(40).optional(),
});

const Opinion = z.strictObject({
  names: z.string().max(2000).optional(),
  status: z.enum(["favourable", "unfavourable"]).optional(),
  opinion: Text.optional(),
});

const Transfer = z.strictObject({
  flow: GraphRef.describe("the vendor flow (engagement) id, e.g. 'kentico/paypal'"),
  law: Text.optional().describe("EDPB step 3: the law and practice of the destination that may impinge on the tool"),
  supplementaryMeasures: z.array(z.string().max(20_000)).default([]).describe("EDPB step 4"),
  proceduralSteps: Text.optional().describe("EDPB step 5"),
  reevaluation: Date_.optional().describe("EDPB step 6: when the assessment is looked at again"),
  derogation: Text.optional().describe("for an Art. 49 derogation: which one and why it applies"),
  conclusion: Text.optional(),
});
export type AssessmentTransfer = z.infer<typeof Transfer>;

export const AssessmentSchema = z.strictObject({
  assessment: z.strictObject({
    id: z.string().min(1).max(120).regex(SLUG, "must be a lower-case id such as 'kentico-registration'"),
    name: z.string().min(1).max(400),
    status: z.enum(["in-progress", "refused", "validated", "signed", "archived"]).default("in-progress"),
    category: z.string().max(400).optional(),
    author: z.string().max(400).optional(),
    evaluator: z.string().max(400).optional(),
    validator: z.string().max(400).optional(),
    createdAt: z.string().max(40).optional(),
    updatedAt: z.string().max(40).optional(),
    start: GraphRef.optional().describe("the node the DPIA pack traces from when none is asked for"),
    covers: z.array(GraphRef).default([]).describe("graph nodes and flows the assessment covers (with every risk's and measure's nodes)"),
    fingerprint: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, "must be 'sha256:' and 64 hex digits, as the import prints it")
      .optional()
      .describe("the covered graph facts when assessed; absent = recorded at import"),
  }),
  context: z
    .strictObject({
      processing: Text.optional(),
      responsibilities: Text.optional(),
      standards: Text.optional(),
      data: Text.optional(),
      lifecycle: Text.optional(),
      supportingAssets: Text.optional(),
    })
    .default({}),
  principles: z
    .strictObject({
      purposes: Text.optional(),
      legalBasis: Text.optional(),
      minimisation: Text.optional(),
      accuracy: Text.optional(),
      storage: Text.optional(),
      information: Text.optional(),
      consent: Text.optional(),
      accessPortability: Text.optional(),
      rectificationErasure: Text.optional(),
      restrictionObjection: Text.optional(),
      processors: Text.optional(),
      transfers: Text.optional(),
    })
    .default({}),
  measures: z.array(Measure).default([]),
  risks: z
    .strictObject({ illegitimateAccess: Risk.optional(), unwantedModification: Risk.optional(), disappearance: Risk.optional() })
    .default({}),
  evaluations: z.array(Evaluation).default([]),
  comments: z.array(Comment).default([]),
  validation: z
    .strictObject({
      dpo: Opinion.default({}),
      dataSubjects: Opinion.extend({
        sought: z.boolean().optional().describe("were the data subjects' views sought (Art. 35(9))"),
        notSoughtReason: Text.optional(),
      }).default({}),
      rejectionReason: Text.optional(),
      appliedAdjustments: Text.optional(),
      priorConsultation: z.strictObject({ needed: z.boolean().optional(), reason: Text.optional() }).default({}).describe("Art. 36"),
      signOff: z.strictObject({ by: z.string().max(400).optional(), role: z.string().max(400).optional(), date: Date_.optional() }).default({}),
    })
    .default({ dpo: {}, dataSubjects: {}, priorConsultation: {}, signOff: {} }),
  transfers: z.array(Transfer).default([]).describe("transfer impact assessments (EDPB Recommendations 01/2020), one per flow"),
});
export type Assessment = z.infer<typeof AssessmentSchema>;
export type AssessmentInput = z.input<typeof AssessmentSchema>;
