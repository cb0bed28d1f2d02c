import { AssessmentRepository } from "./assessment.repository.js";
import { AssessmentsResponseSchema } from "./assessments.schema.js";
import { AssessmentsService } from "./assessments.service.js";
import type { Graph } from "../db/graph.js";
import type { ApiRouter } from "../http/api-router.js";

export function assessmentsRoutes(api: ApiRouter, graph: Graph): void {
  const service = new AssessmentsService(new AssessmentRepository(graph));
  api.get(
    {
      path: "/assessments",
      tag: "assessments",
      summary: "The assessments (DPIAs) loaded beside the graph: id, name, status, the nodes and flows they cover",
      description:
        "Loaded with `npm run import` from an assessment file or a CNIL PIA tool export. Each carries the fingerprint of the graph facts it covers " +
        "as assessed and as they are now; `changed` means they differ, so the assessment is due for review (GDPR Art. 35(11)).",
      response: AssessmentsResponseSchema,
      responseName: "AssessmentsResponse",
      errors: [],
    },
    () => service.list(),
  );
}
