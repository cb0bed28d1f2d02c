import { z } from "zod";

import { NodeKindSchema } from "../contract/api.js";
import { systemsParam, wholeNumberParam } from "../http/params.js";

export const SearchQuerySchema = z.object({
  q: z
    .string({ error: (issue) => (issue.input === undefined ? "is required: the text to search for" : "must be given once, as text") })
    .trim()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    .meta({ description: "Text to find; every word matches as a prefix, case-insensitively (also inside names).", example: "cms_us" }),
  kind: NodeKindSchema.optional().meta({ description: "Only nodes of this kind." }),
  limit: wholeNumberParam(1, 100, 20).meta({ description: "How many results (1–100, default 20)." }),
  systems: systemsParam("Only these systems' nodes, and the vendors, categories and countries they use (comma-separated system ids)."),
});

export type SearchQuery = z.infer<typeof SearchQuerySchema>;
