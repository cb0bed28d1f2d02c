/** A vendor engagement (`USES_VENDOR`) as the queries return it: the one row shape trace, where and reports parse. */
import { z } from "zod";

import { MechanismSchema, TransferStatusSchema } from "../contract/api.js";

export const EngagementRowSchema = z.object({
  flow: z.string(),
  system: z.string(),
  service: z.string().nullable(),
  purpose: z.string(),
  role: z.string(),
  retention: z.string().nullable(),
  legalName: z.string().nullable(),
  mechanism: MechanismSchema.nullable(),
  transfer: TransferStatusSchema,
});
export type EngagementRow = z.infer<typeof EngagementRowSchema>;
