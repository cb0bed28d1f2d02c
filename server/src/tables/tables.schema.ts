import { z } from "zod";

import { pageParams, systemsParam, TableNameParam } from "../http/params.js";
import { Slug } from "../inventory/inventory.schema.js";

export const TableParamsSchema = z.object({ name: TableNameParam });

export const TablesQuerySchema = z.object({
  system: Slug.max(100).optional().meta({ description: "Only the tables of this system (its id, e.g. kentico)." }),
  systems: systemsParam("Only the tables of these systems (comma-separated system ids)."),
  ...pageParams(1000, 5000),
});

export type TableParams = z.infer<typeof TableParamsSchema>;
export type TablesQuery = z.infer<typeof TablesQuerySchema>;
