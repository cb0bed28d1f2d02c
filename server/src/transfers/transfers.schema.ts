import { z } from "zod";

import { pageParams } from "../http/params.js";

export const TransfersQuerySchema = z.object({ ...pageParams(1000, 5000) });

export type TransfersQuery = z.infer<typeof TransfersQuerySchema>;
