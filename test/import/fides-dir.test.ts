/**
 * A directory of Fides manifests as `fides push` reads it (issue 18), with the Fides repository's own demo files:
 * two systems in one file, the marketing system's egress (and the analytics system's matching ingress) one flow
 * between our systems, the analytics system's dataset in another file bound by `dataset_references`.
 */
import path from "node:path";

import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";

import { TraceResponseSchema } from "../../server/src/contract/api.js";
import { ids } from "../../server/src/contract/ids.js";
import { importFiles, readImportFiles, readLookup } from "../../server/src/import/import.service.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { graphChecksum, graphLines } from "../support/checksum.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);
const DIR = path.join(REPO_ROOT, "test", "fixtures", "fides");
const SYSTEMS = ["demo-analytics-system", "demo-marketing-system"];

afterAll(async () => {
  await removeSystems(graph, SYSTEMS);
});

describe("npm run import -- ./fides-dir/ (the Fides demo manifests)", () => {
  it("reads both systems of one file, binds the dataset of another file by dataset_references, and makes the egress/ingress pair one flow", async () => {
    const report = await importFiles(graph, [DIR]);

    expect(report.systems.sort()).toEqual(SYSTEMS);
    const analytics = report.imported.find((i) => i.inventory.system.id === "demo-analytics-system")!.inventory;
    expect(analytics.entities.map((e) => e.name)).toEqual(["users"]);
    expect(analytics.purposes[0]?.description).toBe("fideslang data use 'functional.service.improve'; data subjects: customer");
    const marketing = report.imported.find((i) => i.inventory.system.id === "demo-marketing-system")!.inventory;
    expect(marketing.systemFlows).toEqual([{ to: "demo-analytics-system", copies: [], categories: ["online-identifier"] }]);
    expect(analytics.systemFlows).toEqual([]);
    expect(marketing.vendors).toEqual([]);

    const sends = (await graphLines(graph)).relationships.filter((r) => r.includes('"SENDS_TO"'));
    expect(sends).toHaveLength(1);
    expect(sends[0]).toContain('"flow":"demo-marketing-system/to/demo-analytics-system"');
    // Neither system states where it is hosted or who runs it: the flow's transfer status is unknown, never safe.
    expect(sends[0]).toContain('"transfer":"not-stated"');
  });

  it("the trace from the marketing system's records reaches the analytics system it egresses to", async () => {
    const res = await request(app).get("/api/trace").query({ from: ids.table("demo-marketing-system", "DemoMarketingSystem_Customer") });
    expect(res.status).toBe(200);
    const trace = TraceResponseSchema.parse(res.body);
    expect(trace.toSystems?.map((t) => [t.target, t.loaded, t.transfer, t.categories])).toEqual([["demo-analytics-system", true, "not-stated", ["online-identifier"]]]);
    expect(trace.elements.edges.some((e) => e.data.type === "SENDS_TO" && e.data.target === ids.system("demo-analytics-system"))).toBe(true);
  });

  it("re-importing the directory changes nothing; the system file alone warns that its dataset is not provided", async () => {
    const before = await graphChecksum(graph);
    await importFiles(graph, [DIR]);
    expect(await graphChecksum(graph)).toBe(before);

    const alone = await readImportFiles([path.join(DIR, "demo_system.yml")], await readLookup());
    const warnings = alone.flatMap((i) => i.warnings.map((w) => w.message));
    expect(warnings).toContain("dataset 'demo_users_dataset' is referenced but not in the manifests: its tables are not loaded");
  });
});
