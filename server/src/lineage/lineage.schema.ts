/** The body `POST /api/v1/lineage` accepts: one OpenLineage run event, or an array of them. */
import { z } from "zod";

import { RunEventSchema } from "../import/openlineage.schema.js";

export const LineageBatchSchema = z.array(RunEventSchema).min(1).max(1000);
/** A batch or a single event: chosen by the body's shape, so a bad event's issues name its fields (a union would not). */
export const lineageBodySchema = (body: unknown) => (Array.isArray(body) ? LineageBatchSchema : RunEventSchema);

export const LineageAnswerSchema = z.object({
  /** Events in the request (the same event sent again counts, but changes nothing). */
  accepted: z.number().int(),
  /** The systems the events were written to. */
  systems: z.array(z.string()),
});
export type LineageAnswer = z.infer<typeof LineageAnswerSchema>;
