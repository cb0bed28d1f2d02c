import { z } from "zod";

import { DpiaFactsRepository } from "./dpia.facts.js";
import { DpiaService } from "./dpia.service.js";
import { ReportsRepository } from "./reports.repository.js";
import { DpiaQuerySchema, RopaQuerySchema, TiaQuerySchema } from "./reports.schema.js";
import { RopaRepository } from "./ropa.repository.js";
import { RopaService } from "./ropa.service.js";
import { TiaService } from "./tia.service.js";
import { AssessmentRepository } from "../assessments/assessment.repository.js";
import { AssessmentsService } from "../assessments/assessments.service.js";
import { RopaResponseSchema } from "../contract/api.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";
import { nodeResolver } from "../nodes/node.resolve.js";
import { TraceRepository } from "../trace/trace.repository.js";

export function reportsRoutes(api: ApiRouter, graph: Graph): void {
  const facts = new DpiaFactsRepository(graph);
  const assessments = new AssessmentsService(new AssessmentRepository(graph));
  const dpia = new DpiaService(new TraceRepository(graph), new ReportsRepository(graph), nodeResolver(graph), facts, assessments);
  const tia = new TiaService(facts, assessments);
  const ropa = new RopaService(new RopaRepository(graph));
  api.file(
    {
      path: "/reports/dpia",
      tag: "reports",
      summary: "DPIA for a trace: one self-contained HTML page, or an A4 PDF printed from it",
      description:
        "The sections GDPR Art. 35(7) asks for (description of the processing with its data subjects, categories, activities and lawful bases; " +
        "necessity and proportionality; risks with the CNIL risk map; measures with the nodes they protect; DPO and data subjects' opinions, prior " +
        "consultation; sign-off), filled by the graph and by a loaded assessment (`assessment`), \"not documented\" elsewhere; then " +
        "the trace answer of `/api/trace` (same start, same filters) as a document: the data set and date, the filters in force, the flow figure " +
        "(SVG), a legend, every flow (field, category, vendor, countries, transfer status, mechanism, retention, purpose), the vendors with their " +
        "legal entities and countries, the transfers needing safeguards and the evidence path of each field, and a transfer impact assessment per flow " +
        "that needs one. PDF needs Chromium on the server (503 without it).",
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
      path: "/reports/tia",
      tag: "reports",
      summary: "Transfer impact assessment of one vendor flow or flow into another of our systems (EDPB Recommendations 01/2020, six steps), HTML or PDF",
      description:
        "The transfer as the graph states it (engagement, fields, categories, places, the server's transfer status; for a flow into another of our systems, " +
        "its data importer is that system's legal entity and its places the entity's country and the hosting countries, \"not stated\" when its inventory leaves them out), the transfer tool, then the law and " +
        "practice of the destination, supplementary measures, procedural steps and re-evaluation date from a loaded assessment (\"not documented\" when none " +
        "states them). A derogation asks for its Art. 49 justification; a flow whose destination is not stated reads \"destination unknown: establish it first\".",
      query: TiaQuerySchema,
      response: z.string().meta({ description: "The HTML page (text/html) or the PDF (application/pdf)." }),
      responseName: "TiaDocument",
      produces: ["text/html", "application/pdf"],
      errors: [400, 404],
    },
    ({ query }) => tia.file(query),
  );
  api.file(
    {
      path: "/reports/ropa",
      tag: "reports",
      summary: "Records of processing (GDPR Art. 30(1) and 30(2)) with a cover and the gaps, for one system or every system loaded",
      description:
        "A processing activity is a record; a purpose no activity groups is one of its own (\"activity not documented\"), and a vendor flow no purpose takes " +
        "one per purpose text, so every engagement appears. A processor's records (the activity's role, else the system's) are Art. 30(2) records, one per " +
        "controller served, with the ICO processor template's columns; every other record is Art. 30(1), with the ICO controller template's columns. " +
        "Retention is the activity's (a vendor's is on its recipient); transfer statuses are the flows' stored ones. Each record lists its gaps " +
        "(the columns it leaves undocumented); the cover names the date and each system's loaded file with its sha256. CSV and Markdown hold the same " +
        "four tables (cover, 30(1), 30(2), gaps) as the XLSX's sheets.",
      query: RopaQuerySchema,
      response: RopaResponseSchema,
      responseName: "RopaResponse",
      produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/markdown", "application/json"],
      errors: [400, 404],
    },
    ({ query }) => ropa.file(query),
  );
}
