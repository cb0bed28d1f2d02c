import { z } from "zod";

import { nodeIdParam } from "../http/params.js";

const SYSTEM = z
  .string()
  .max(120)
  .transform((s) => (s.startsWith("system:") ? s.slice("system:".length) : s))
  .pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a system id, e.g. 'kentico' or 'system:kentico'"))
  .meta({ description: "Only this system (`kentico` or `system:kentico`).", example: "kentico" });

export const WhereQuerySchema = z
  .object({
    category: nodeIdParam("The data category, e.g. `category:email-address`.", ["category"]).optional(),
    subject: nodeIdParam("A data subject instead of a category, e.g. `subject:kentico/user`: its personal columns.", ["subject"]).optional(),
    system: SYSTEM.optional(),
  })
  .refine((q) => (q.category ? 1 : 0) + (q.subject ? 1 : 0) === 1, { message: "give either 'category' or 'subject' (one of them)", path: ["category"] });

export type WhereQuery = z.infer<typeof WhereQuerySchema>;
