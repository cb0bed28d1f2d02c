import { z } from "zod";

import { AssessmentIdSchema } from "../assessments/assessments.schema.js";
import { TraceQuerySchema } from "../trace/trace.schema.js";

export const DPIA_FORMATS = ["html", "pdf"] as const;
export const ROPA_FORMATS = ["csv", "xlsx", "md", "json"] as const;

/** The trace's own query (start and filters), the assessment it documents, and the format of the pack. */
export const DpiaQuerySchema = TraceQuerySchema.extend({
  from: TraceQuerySchema.shape.from.optional(),
  assessment: AssessmentIdSchema.optional().meta({
    description: "A loaded assessment (`/api/assessments`) whose answers, risks, measures and opinions fill the pack; without `from`, the trace starts at the assessment's `start` (or the first node it covers).",
    example: "kentico-registration",
  }),
  format: z.enum(DPIA_FORMATS, { error: `must be one of ${DPIA_FORMATS.join(", ")}` }).default("html").meta({ description: "html (self-contained page) or pdf (A4, printed from that page by headless Chromium)." }),
}).refine((q) => q.from !== undefined || q.assessment !== undefined, { path: ["from"], message: "is required unless an assessment is named: a node id to trace from" });

export const TiaQuerySchema = z.object({
  flow: z
    .string()
    .max(300)
    .transform((s) => (s.startsWith("flow:") ? s.slice("flow:".length) : s))
    .pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/.+$/, "must be a vendor flow (engagement) id, e.g. 'ambassify/heroku', or a flow into another of our systems, e.g. 'shop/to/crm'"))
    .meta({ description: "The vendor flow (engagement) id, or the id of a flow into another of our systems (`<system>/to/<target>`), as `/api/vendors` and `/api/transfers` give them.", example: "ambassify/heroku" }),
  assessment: AssessmentIdSchema.optional().meta({ description: "The assessment whose transfer assessment to use; default: the loaded assessment that has one for this flow." }),
  format: z.enum(DPIA_FORMATS, { error: `must be one of ${DPIA_FORMATS.join(", ")}` }).default("html").meta({ description: "html or pdf (A4)." }),
});
export type TiaQuery = z.infer<typeof TiaQuerySchema>;
export type DpiaQuery = z.infer<typeof DpiaQuerySchema>;

export const RopaQuerySchema = z.object({
  system: z
    .string()
    .max(120)
    .transform((s) => (s.startsWith("system:") ? s.slice("system:".length) : s))
    .pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a system id, e.g. 'ambassify' or 'system:ambassify'"))
    .optional()
    .meta({ description: "One system (`ambassify` or `system:ambassify`); absent = every system loaded.", example: "ambassify" }),
  format: z.enum(ROPA_FORMATS, { error: `must be one of ${ROPA_FORMATS.join(", ")}` }).default("csv").meta({ description: "csv, xlsx, md (Markdown) or json." }),
});
export type RopaQuery = z.infer<typeof RopaQuerySchema>;
