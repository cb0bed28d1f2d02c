import { z } from "zod";

import { DpiaService } from "./dpia.service.js";
import { ReportsRepository } from "./reports.repository.js";
import { DpiaQuerySchema, RopaQuerySchema } from "./reports.schema.js";
import { RopaRepository } from "./ropa.repository.js";
import { RopaService } from "./ropa.service.js";
import { RopaResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";
import { nodeResolver } from "../nodes/node.resolve.js";
import { TraceRepository } from "../trace/trace.repository.js";

export function reportsRoutes(api: ApiRouter, graph: Graph): void {
  const dpia = new DpiaService(new TraceRepository(graph), new ReportsRepository(graph), nodeResolver(graph));
  const ropa = new RopaService(new RopaRepository(graph));
  api.file(
    {
      path: "/reports/dpia",
      tag: "reports",
      summary: "DPIA evidence pack for a trace: one self-contained HTML page, or an A4 PDF printed from it",
      description:
        "The trace answer of `/api/trace` (same start, same filters) as a document: the data set and date, the filters in force, the flow figure " +
        "(SVG), a legend, every flow (field, category, vendor, countries, transfer status, mechanism, retention, purpose), the vendors with their " +
        "legal entities and countries, the transfers needing safeguards and the evidence path of each field. PDF needs Chromium on the server (503 without it).",
      query: DpiaQuerySchema,
      response: z.string().meta({ description: "The HTML page (text/html) or the PDF (application/pdf)." }),
      responseName: "DpiaPack",
      produces: ["text/html", "application/pdf"],
      errors: [400, 404, 409],
    },
    ({ query }) => dpia.pack(query),
  );
  api.file(
    {
      path: "/reports/ropa",
      tag: "reports",
      summary: "Records of processing (GDPR Art. 30(1)): one row per purpose, for one system or every system loaded",
      description:
        "Each purpose the inventory declares is a row; a vendor flow belongs to the purposes that name its vendor or whose name is the flow's purpose, " +
        "and a flow that belongs to none is a row of its own purpose, so every engagement appears. Columns: controller/system, purpose, categories of " +
        "data subjects and of personal data, recipients (vendors with role and legal entity), transfers outside the EEA with their safeguard, retention, source document.",
      query: RopaQuerySchema,
      response: RopaResponseSchema,
      responseName: "RopaResponse",
      produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/markdown", "application/json"],
      errors: [400, 404],
    },
    ({ query }) => ropa.file(query),
  );
}
