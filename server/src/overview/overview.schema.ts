import { z } from "zod";

import { listParam, systemsParam } from "../http/params.js";

/** Past this many vendors, `group=auto` draws groups of vendors instead of each one. */
export const GROUP_VENDORS_OVER = 60;

const GROUP_ID = z.string().max(160).regex(/^group:vendor\/(?:transfer|country)\/[A-Za-z-]+$/, "must be a group id, e.g. 'group:vendor/transfer/third-country'");

export const OverviewQuerySchema = z.object({
  systems: systemsParam("Only these systems, their vendors and where those vendors hold their data (comma-separated system ids)."),
  group: z
    .enum(["auto", "none", "transfer", "country"], { error: "must be one of auto, none, transfer, country" })
    .default("auto")
    .meta({ description: `How to draw vendors: each one (none), grouped by their flows' transfer status or by country; auto groups by transfer status past ${GROUP_VENDORS_OVER} vendors.` }),
  expand: listParam(GROUP_ID, "Groups to draw as their vendors (comma-separated group ids from a grouped answer)."),
});

export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;
