import { z } from "zod";

import { COLLAPSE_COLUMNS_OVER } from "./trace.assemble.js";
import { TRANSFER_STATUSES } from "../contract/api.js";
import type { NodeKind } from "../contract/ids.js";
import { listParam, nodeIdParam, pageParams, systemsParam, wholeNumberParam } from "../http/params.js";

/** Kinds a trace can start from: where personal data is, or what describes it. Vendors and locations are where it ends. */
export const TRACE_START_KINDS = ["source", "table", "column", "category", "subject", "system", "purpose"] as const satisfies readonly NodeKind[];

const CATEGORY_ID = z.string().max(120).regex(/^category:[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a category id, e.g. 'category:email-address'");
const VENDOR_ID = z.string().max(120).regex(/^vendor:[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a vendor id, e.g. 'vendor:paypal'");
const COUNTRY = z.string().regex(/^(?:[A-Z]{2}|not-stated)$/, "must be an ISO 3166-1 alpha-2 code, e.g. 'US', or 'not-stated'");
const TABLE_ID = z.string().max(400).regex(/^table:[^/]+\/.+$/, "must be a table id, e.g. 'table:kentico/CMS_User'");
const TRANSFER = z.enum(TRANSFER_STATUSES, { error: `must be one of ${TRANSFER_STATUSES.join(", ")}` });

export const TraceQuerySchema = z.object({
  from: nodeIdParam(`Where the trace starts: a node id of kind ${TRACE_START_KINDS.join(", ")}.`, TRACE_START_KINDS),
  category: listParam(CATEGORY_ID, "Only flows of these data categories (comma-separated category ids)."),
  vendor: listParam(VENDOR_ID, "Only flows to these vendors (comma-separated vendor ids)."),
  country: listParam(COUNTRY, "Only flows that name one of these countries (alpha-2 codes); 'not-stated' keeps flows that name none."),
  transfer: listParam(TRANSFER, `Only flows with these transfer statuses (${TRANSFER_STATUSES.join(", ")}).`),
  systems: systemsParam("Only these systems' data: flows whose engagement is one of these systems', through columns of these systems (comma-separated system ids)."),
  detail: z
    .enum(["auto", "columns", "tables"], { error: "must be one of auto, columns, tables" })
    .default("auto")
    .meta({ description: `Draw every column, or collapse to tables → vendors with counts on the edges; auto collapses past ${COLLAPSE_COLUMNS_OVER} columns. Lists and counts are the same either way.` }),
  expand: listParam(TABLE_ID, "Tables drawn with their columns in a collapsed trace (comma-separated table ids)."),
  limit: wholeNumberParam(1, 500, 50).meta({ description: "How many vendors the list holds (1–500, default 50); `vendorCount` counts them all, `next` asks for more (`GET /api/trace/vendors`)." }),
  fields: wholeNumberParam(1, 1000, 50).meta({ description: "How many fields each listed vendor lists (1–1000, default 50); `fieldCount` counts them all (`GET /api/trace/fields` for more)." }),
});

/** The next page of a trace's vendors: the trace's query with the `next` it answered. */
export const TraceVendorsQuerySchema = TraceQuerySchema.omit({ detail: true, expand: true }).extend({ cursor: pageParams(50, 500).cursor });

/** The next page of one vendor's fields in a trace: the trace's query, the vendor, and the `fieldsNext` it answered. */
export const TraceFieldsQuerySchema = TraceQuerySchema.omit({ detail: true, expand: true, fields: true }).extend({
  of: VENDOR_ID.meta({ description: "The vendor whose fields to list, e.g. 'vendor:paypal'." }),
  limit: wholeNumberParam(1, 1000, 200).meta({ description: "How many fields a page holds (1–1000, default 200)." }),
  cursor: pageParams(200, 1000).cursor,
});
export type TraceVendorsQuery = z.infer<typeof TraceVendorsQuerySchema>;
export type TraceFieldsQuery = z.infer<typeof TraceFieldsQuerySchema>;

export type TraceQuery = z.infer<typeof TraceQuerySchema>;
