import { z } from "zod";

import type { NodeKind } from "../contract/ids.js";
import { nodeIdParam } from "../http/params.js";

/** Kinds a trace can start from: where personal data is, or what describes it. Vendors and locations are where it ends. */
export const TRACE_START_KINDS = ["source", "table", "column", "category", "subject", "system", "purpose"] as const satisfies readonly NodeKind[];

export const TraceQuerySchema = z.object({
  from: nodeIdParam(`Where the trace starts: a node id of kind ${TRACE_START_KINDS.join(", ")}.`, TRACE_START_KINDS),
});

export type TraceQuery = z.infer<typeof TraceQuerySchema>;
