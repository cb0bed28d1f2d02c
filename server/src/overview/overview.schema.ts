import { z } from "zod";

import { systemsParam } from "../http/params.js";

export const OverviewQuerySchema = z.object({
  systems: systemsParam("Only these systems, their vendors and where those vendors hold their data (comma-separated system ids)."),
});

export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;
