/**
 * The flow semantics, checked over every start in the built-in data: each vendor a trace lists is reached by a path
 * that exists edge by edge in the graph, beginning at the start and at a column the start holds, and every copy on
 * the way carries the category of the column it starts from (so the vendor receives a category the start holds).
 */
import request from "supertest";
import { describe, expect, it } from "vitest";

import { TraceResponseSchema } from "../../server/src/contract/api.js";
import { parseNodeId } from "../../server/src/contract/ids.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);

function splitEdge(id: string): { source: string; type: string; target: string } {
  const [source, type, target] = id.split("|");
  return { source: source!, type: type!, target: target! };
}

describe("GET /api/trace over every start", () => {
  it("lists a vendor only with evidence: a real path from the start, carrying a category the start holds", { timeout: 600_000 }, async () => {
    const starts = (await graph.read("inventory/trace-starts")).map((r) => String(r.id));
    expect(starts.length).toBeGreaterThan(900);
    let vendorsChecked = 0;
    const problems: string[] = [];

    for (const from of starts) {
      const res = await request(app).get("/api/trace").query({ from });
      if (res.status !== 200) {
        problems.push(`${from}: HTTP ${res.status}`);
        continue;
      }
      const t = TraceResponseSchema.parse(res.body);
      const fields = t.vendors.flatMap((v) => v.fields.map((f) => ({ vendor: v.id, ...f })));
      if (fields.length === 0) continue;

      const edges = [...new Set(fields.flatMap((f) => f.evidence.edges))];
      const exists = new Map((await graph.read("inventory/edges-exist", { edges: edges.map(splitEdge) })).map((r) => [String(r.edge), r.exists === true]));
      const columns = [...new Set(fields.flatMap((f) => f.evidence.nodes.filter((n) => parseNodeId(n)?.kind === "column")))];
      const categoryOf = new Map((await graph.read("inventory/column-categories", { ids: columns })).map((r) => [String(r.id), r.category as string | null]));

      for (const f of fields) {
        const path = f.evidence.nodes;
        const where = `${from} → ${f.vendor} via ${f.id}`;
        if (path[0] !== from) problems.push(`${where}: the evidence starts at ${path[0]}`);
        if (path.at(-1) !== f.vendor || path.at(-2) !== f.id) problems.push(`${where}: the evidence does not end with the field and the vendor`);
        for (const e of f.evidence.edges) if (!exists.get(e)) problems.push(`${where}: edge ${e} is not in the graph`);
        const pathColumns = path.filter((n) => parseNodeId(n)?.kind === "column");
        const first = pathColumns[0];
        // Copies are category-scoped: every column on the way holds the category of the column the data starts in.
        if (pathColumns.length > 1 && pathColumns.some((c) => categoryOf.get(c) !== categoryOf.get(first!) || !categoryOf.get(c))) {
          problems.push(`${where}: a copy changes the category (${pathColumns.map((c) => `${c}=${categoryOf.get(c)}`).join(", ")})`);
        }
        if (parseNodeId(from)?.kind === "category" && categoryOf.get(f.id) !== from) problems.push(`${where}: the field is not of the category traced`);
        if (f.categoryId !== (categoryOf.get(f.id) ?? null)) problems.push(`${where}: the field's category ${f.categoryId} is not the column's`);
      }
      vendorsChecked += t.vendors.length;
    }

    expect(problems.slice(0, 20)).toEqual([]);
    expect(vendorsChecked).toBeGreaterThan(100);
  });
});
