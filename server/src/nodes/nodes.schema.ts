import { z } from "zod";

import { NODE_KINDS, isNodeKind, type NodeKind } from "../contract/ids.js";
import { nodeIdParam, wholeNumberParam } from "../http/params.js";

export const NodeParamsSchema = z.object({
  id: nodeIdParam("Node id `kind:key`, URL-encoded (e.g. table%3ACMS_User, subject%3Akentico%2Fcustomer)."),
});

/** Neighbourhood depths and the Cypher file each one runs: path lengths cannot be parameters, so they come from this fixed map. */
export const NEIGHBORHOOD_QUERIES = { 1: "nodes/neighborhood-1", 2: "nodes/neighborhood-2", 3: "nodes/neighborhood-3" } as const;
export type NeighborhoodDepth = keyof typeof NEIGHBORHOOD_QUERIES;

/** `kinds=table,column` or `kinds=table&kinds=column`. */
const KindList = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx): NodeKind[] => {
    const parts = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean);
    const unknown = parts.filter((p) => !isNodeKind(p));
    if (unknown.length > 0 || parts.length === 0) {
      ctx.addIssue({ code: "custom", message: `must be a comma-separated list of ${NODE_KINDS.join(", ")}${unknown.length > 0 ? ` (unknown: ${unknown.join(", ")})` : ""}` });
      return z.NEVER;
    }
    return [...new Set(parts as NodeKind[])];
  });

export const NeighborhoodQuerySchema = z.object({
  depth: wholeNumberParam(1, 3, 1)
    .transform((d) => d as NeighborhoodDepth)
    .meta({ description: "How many steps out (1–3, default 1)." }),
  kinds: KindList.optional().meta({ description: `Only nodes of these kinds (comma-separated: ${NODE_KINDS.join(", ")}); the centre is always included.` }),
});

export type NodeParams = z.infer<typeof NodeParamsSchema>;
export type NeighborhoodQuery = z.infer<typeof NeighborhoodQuerySchema>;
