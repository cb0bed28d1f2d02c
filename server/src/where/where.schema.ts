import { z } from "zod";

import { nodeIdParam, pageParams } from "../http/params.js";

const SYSTEM = z
  .string()
  .max(120)
  .transform((s) => (s.startsWith("system:") ? s.slice("system:".length) : s))
  .pipe(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a system id, e.g. 'kentico' or 'system:kentico'"))
  .meta({ description: "Only this system (`kentico` or `system:kentico`).", example: "kentico" });

const Asked = z.object({
  category: nodeIdParam("The data category, e.g. `category:email-address`.", ["category"]).optional(),
  subject: nodeIdParam("A data subject instead of a category, e.g. `subject:kentico/user`: its personal columns.", ["subject"]).optional(),
  system: SYSTEM.optional(),
});
const oneAsked = { message: "give either 'category' or 'subject' (one of them)", path: ["category"] };
const asksOne = (q: { category?: unknown; subject?: unknown }) => (q.category ? 1 : 0) + (q.subject ? 1 : 0) === 1;

/** The checklist: the first page (`limit`) of its columns, tables and referencing tables, every source and vendor flow. */
export const WhereQuerySchema = Asked.extend({ limit: pageParams(100, 2000).limit }).refine(asksOne, oneAsked);
/** The next page of one of the checklist's paged lists: the same question and the cursor that list's previous page gave. */
export const WhereListQuerySchema = Asked.extend(pageParams(500, 2000)).refine(asksOne, oneAsked);
export type WhereListQuery = z.infer<typeof WhereListQuerySchema>;
export type WhereQuery = z.infer<typeof WhereQuerySchema>;
