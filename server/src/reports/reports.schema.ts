import { z } from "zod";

import { TraceQuerySchema } from "../trace/trace.schema.js";

export const DPIA_FORMATS = ["html", "pdf"] as const;
export const ROPA_FORMATS = ["csv", "xlsx", "md", "json"] as const;

/** The trace's own query (start and filters), and the format of the pack. */
export const DpiaQuerySchema = TraceQuerySchema.extend({
  format: z.enum(DPIA_FORMATS, { error: `must be one of ${DPIA_FORMATS.join(", ")}` }).default("html").meta({ description: "html (self-contained page) or pdf (A4, printed from that page by headless Chromium)." }),
});
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
