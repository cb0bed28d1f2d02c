/**
 * The export of the CNIL's PIA tool (`.json`, "Export" on a PIA): `{pia, answers, measures, evaluations, comments}`.
 * Only the fields that carry the assessment are read; the tool's own bookkeeping (`pia_id`, `lock_version`,
 * `progress`, `dbVersion`…) is allowed and not kept.
 */
import { z } from "zod";

const Str = z.string().nullish();
const Num = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const CnilAnswerSchema = z.looseObject({
  reference_to: Num,
  data: z.looseObject({ text: Str, gauge: z.number().nullish(), list: z.array(z.string()).nullish() }),
  created_at: Str,
  updated_at: Str,
});

export const CnilMeasureSchema = z.looseObject({
  id: Num,
  title: Str,
  content: Str,
  placeholder: Str,
  created_at: Str,
  updated_at: Str,
});

export const CnilEvaluationSchema = z.looseObject({
  reference_to: z.union([z.string(), z.number().transform(String)]),
  status: z.number().int().min(0).max(3).nullish(),
  action_plan_comment: Str,
  evaluation_comment: Str,
  gauges: z.looseObject({ x: z.number().int().min(0).max(4).nullish(), y: z.number().int().min(0).max(4).nullish() }).nullish(),
  estimated_implementation_date: Str,
  person_in_charge: Str,
  global_status: z.number().int().min(0).max(2).nullish(),
  evaluation_date: Str,
  created_at: Str,
  updated_at: Str,
});

export const CnilCommentSchema = z.looseObject({
  reference_to: Num,
  for_measure: z.boolean().nullish(),
  description: Str,
  created_at: Str,
  updated_at: Str,
});

export const CnilPiaSchema = z.looseObject({
  pia: z.looseObject({
    name: z.string().min(1),
    status: z.union([z.number(), z.string().regex(/^\d$/).transform(Number)]).nullish(),
    category: Str,
    author_name: Str,
    evaluator_name: Str,
    validator_name: Str,
    dpo_status: z.number().int().min(0).max(1).nullish(),
    dpo_opinion: Str,
    dpos_names: Str,
    concerned_people_opinion: Str,
    concerned_people_status: z.number().int().min(0).max(1).nullish(),
    concerned_people_searched_opinion: z.boolean().nullish(),
    concerned_people_searched_content: Str,
    people_names: Str,
    rejection_reason: Str,
    applied_adjustments: Str,
    created_at: Str,
    updated_at: Str,
    structure_id: z.unknown().optional(),
  }),
  answers: z.array(CnilAnswerSchema),
  measures: z.array(CnilMeasureSchema),
  evaluations: z.array(CnilEvaluationSchema),
  comments: z.array(CnilCommentSchema),
});
export type CnilPia = z.infer<typeof CnilPiaSchema>;
