import { z } from "zod";

import { nodeIdParam } from "../http/params.js";

export const PathsQuerySchema = z.object({
  from: nodeIdParam("Where the path starts (node id)."),
  to: nodeIdParam("Where the path ends (node id).").meta({ description: "Where the path ends (node id).", example: "vendor:paypal" }),
});

export type PathsQuery = z.infer<typeof PathsQuerySchema>;
