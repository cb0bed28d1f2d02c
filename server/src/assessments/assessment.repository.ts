/**
 * Assessments in Neo4j: one `(:Assessment)` node per assessment (not a `:Node`: it is not part of the data's graph),
 * holding its content as JSON and the ids of the nodes and flows it covers. Ids, not relationships: a system's reload
 * deletes every relationship touching its nodes, while ids outlive reloads (as links do), so an assessment never
 * loses what it covers silently; a covered id that no longer names anything shows in the fingerprint.
 */
import { z } from "zod";

import { fingerprintOf } from "./assessment.fingerprint.js";
import { AssessmentSchema, type Assessment } from "./assessment.schema.js";
import { cypher } from "../db/cypher.js";
import type { Graph } from "../db/graph.js";

export const StoredAssessmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  nodes: z.array(z.string()),
  flows: z.array(z.string()),
  fingerprint: z.string(),
  fingerprintSource: z.enum(["file", "import"]),
  file: z.string(),
  format: z.string(),
  loadedAt: z.string(),
});
export type StoredAssessment = z.infer<typeof StoredAssessmentSchema>;

export interface Coverage {
  nodes: string[];
  flows: string[];
}

export class AssessmentRepository {
  constructor(private readonly graph: Graph) {}

  /** The ids of `coverage` that name nothing in the graph. */
  async missing(coverage: Coverage): Promise<Coverage> {
    const [row] = await this.graph.read("import/assessment-missing", { nodes: coverage.nodes, flows: coverage.flows });
    const r = z.object({ missingNodes: z.array(z.string()), missingFlows: z.array(z.string()) }).parse(row);
    return { nodes: r.missingNodes, flows: r.missingFlows };
  }

  /** The fingerprint of the covered facts as the graph holds them now. */
  async fingerprint(coverage: Coverage): Promise<string> {
    const [row] = await this.graph.read("assessments/covered-facts", { ids: coverage.nodes, flows: coverage.flows });
    return fingerprintOf(row);
  }

  /** Writes the assessments, all in one transaction (a file's assessment is stored whole or not at all). */
  async write(items: { stored: StoredAssessment; assessment: Assessment }[]): Promise<void> {
    await this.graph.writeTransaction(async (tx) => {
      for (const { stored, assessment } of items) {
        await tx.run(cypher("import/assessment-write"), {
          props: { ...stored, tiaFlows: assessment.transfers.map((t) => (t.flow.startsWith("flow:") ? t.flow.slice(5) : t.flow)), json: JSON.stringify(assessment) },
        });
      }
    });
  }

  async list(): Promise<StoredAssessment[]> {
    const rows = await this.graph.read("assessments/list");
    return rows.map((r) => z.object({ assessment: StoredAssessmentSchema }).parse(r).assessment);
  }

  async get(id: string): Promise<{ stored: StoredAssessment; assessment: Assessment } | undefined> {
    const [row] = await this.graph.read("assessments/get", { id });
    if (!row) return undefined;
    const a = z.object({ assessment: StoredAssessmentSchema.extend({ json: z.string() }) }).parse(row).assessment;
    const { json, ...stored } = a;
    return { stored, assessment: AssessmentSchema.parse(JSON.parse(json)) };
  }

  /** The assessments holding a transfer impact assessment for a vendor flow. */
  async forFlow(flow: string): Promise<string[]> {
    const rows = await this.graph.read("assessments/for-flow", { id: flow });
    return rows.map((r) => z.object({ id: z.string() }).parse(r).id);
  }
}
