/** The loaded assessments, each with whether the graph facts it covers changed since it was assessed. */
import type { AssessmentRepository, StoredAssessment } from "./assessment.repository.js";
import type { Assessment } from "./assessment.schema.js";
import type { AssessmentsResponse, AssessmentSummary } from "./assessments.schema.js";
import { NotFoundError } from "../errors.js";

export class AssessmentsService {
  constructor(private readonly repo: AssessmentRepository) {}

  async summary(s: StoredAssessment): Promise<AssessmentSummary> {
    const current = await this.repo.fingerprint({ nodes: s.nodes, flows: s.flows });
    const { fingerprint, fingerprintSource, ...rest } = s;
    return { ...rest, fingerprint: { recorded: fingerprint, source: fingerprintSource, current, changed: current !== fingerprint } };
  }

  async list(): Promise<AssessmentsResponse> {
    const stored = await this.repo.list();
    const assessments: AssessmentSummary[] = [];
    for (const s of stored) assessments.push(await this.summary(s));
    return { assessments };
  }

  async get(id: string): Promise<{ summary: AssessmentSummary; assessment: Assessment }> {
    const found = await this.repo.get(id);
    if (!found) {
      const known = (await this.repo.list()).map((a) => a.id);
      throw new NotFoundError(`No assessment '${id}' is loaded`, { field: "assessment", loaded: known });
    }
    return { summary: await this.summary(found.stored), assessment: found.assessment };
  }

  /** The ids of the loaded assessments holding a transfer impact assessment for a vendor flow. */
  forFlow(flow: string): Promise<string[]> {
    return this.repo.forFlow(flow);
  }
}
