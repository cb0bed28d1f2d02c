import { z } from "zod";

import { ids } from "../contract/ids.js";
import { nodeIdParam, pageParams, systemsParam } from "../http/params.js";

export const VendorParamsSchema = z.object({
  // `vendor:paypal` or just `paypal`.
  id: z
    .string()
    .transform((s) => (s.includes(":") ? s : ids.vendor(s)))
    .pipe(nodeIdParam("Vendor id: `vendor:paypal` or just `paypal`.", ["vendor"]))
    .meta({ description: "Vendor id: `vendor:paypal` or just `paypal`.", example: "paypal" }),
});

export type VendorParams = z.infer<typeof VendorParamsSchema>;

export const VendorsQuerySchema = z.object({
  systems: systemsParam("Only the vendors these systems use, with those systems' flows, countries and fields (comma-separated system ids)."),
  ...pageParams(100, 5000),
});
