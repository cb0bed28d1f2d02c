/** `/api/assessments`: the assessments loaded beside the graph. */
import { z } from "zod";

export const AssessmentSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string().meta({ description: "in-progress, refused, validated, signed or archived (the CNIL tool's statuses)" }),
  nodes: z.array(z.string()).meta({ description: "node ids the assessment covers (its own list, and every risk's and measure's nodes)" }),
  flows: z.array(z.string()).meta({ description: "vendor flow (engagement) ids, and ids of flows into another of our systems, it covers" }),
  fingerprint: z.object({
    recorded: z.string(),
    source: z.enum(["file", "import"]).meta({ description: "stated in the file, or taken from the graph when the file was imported" }),
    current: z.string(),
    changed: z.boolean().meta({ description: "the covered facts differ from those assessed: review it (GDPR Art. 35(11))" }),
  }),
  file: z.string(),
  format: z.string(),
  loadedAt: z.string(),
});
export type AssessmentSummary = z.infer<typeof AssessmentSummarySchema>;

export const AssessmentsResponseSchema = z.object({ assessments: z.array(AssessmentSummarySchema) });
export type AssessmentsResponse = z.infer<typeof AssessmentsResponseSchema>;

export const AssessmentIdSchema = z
  .string()
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be an assessment id, e.g. 'kentico-registration'");
