import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";

import { TraceResponseSchema, VendorResponseSchema, type VendorFlow } from "../../server/src/contract/api.js";
import { BUILT_IN_DIR } from "../../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../../server/src/inventory/seed.service.js";
import { graphChecksum, graphLines } from "../support/checksum.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);
const BUILT_IN = ["ambassify.yaml", "kentico-cloud.yaml", "kentico.yaml", "kontent-ai.yaml"].map((f) => path.join(BUILT_IN_DIR, f));
const KONTENT_AI = path.join(BUILT_IN_DIR, "kontent-ai.yaml");
const tmp = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-reload-"));

/** What another system says about Microsoft: its flows' services and legal names, per system. */
const otherSystemsFlows = (flows: VendorFlow[]) =>
  flows.filter((f) => f.system !== "kontent-ai").map((f) => ({ system: f.system, service: f.service, legalName: f.legalName, purpose: f.purpose, receives: f.receives }));

describe("loading one system never changes another's facts", () => {
  afterAll(async () => {
    // Whatever happened above, the original file's load is what the next test file sees.
    await loadInventoryFiles(graph, [KONTENT_AI]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it("leaves the whole graph identical (every node and relationship with all properties) after re-loading each built-in file alone", async () => {
    const before = await graphLines(graph);
    const checksum = await graphChecksum(graph);

    for (const file of BUILT_IN) {
      await loadInventoryFiles(graph, [file]);
      const after = await graphLines(graph);
      // The lines that differ name the cause when the checksum does not match.
      expect({ file, nodes: after.nodes.filter((n) => !before.nodes.includes(n)), relationships: after.relationships.filter((r) => !before.relationships.includes(r)) }).toEqual({
        file,
        nodes: [],
        relationships: [],
      });
      expect(await graphChecksum(graph)).toBe(checksum);
    }
  }, 600_000);

  it("a copy of kontent-ai.yaml that renames the shared vendor 'microsoft' changes only Kontent.ai's view", async () => {
    const before = VendorResponseSchema.parse((await request(app).get("/api/vendors/microsoft")).body);
    const original = readFileSync(KONTENT_AI, "utf8");
    const renamed = original.replaceAll("vendor: { id: microsoft, name: Microsoft }", "vendor: { id: microsoft, name: Microsoft Azure Renamed, legalName: Renamed Microsoft Ireland Ltd }");
    expect(renamed).not.toBe(original);
    const file = path.join(tmp, "kontent-ai.yaml");
    writeFileSync(file, renamed);

    await loadInventoryFiles(graph, [file]);
    const after = VendorResponseSchema.parse((await request(app).get("/api/vendors/microsoft")).body);
    const traceRes = await request(app).get("/api/trace").query({ from: "system:kontent-ai" });
    expect(traceRes.status, JSON.stringify(traceRes.body).slice(0, 500)).toBe(200);
    const trace = TraceResponseSchema.parse(traceRes.body);
    const kentico = TraceResponseSchema.parse((await request(app).get("/api/trace").query({ from: "system:kentico" })).body);

    expect(otherSystemsFlows(before.flows).length).toBeGreaterThan(0);
    expect(otherSystemsFlows(after.flows)).toEqual(otherSystemsFlows(before.flows));
    expect(after.flows.filter((f) => f.system === "kontent-ai").map((f) => f.legalName)).toEqual(["Renamed Microsoft Ireland Ltd", "Renamed Microsoft Ireland Ltd"]);
    expect(after.vendor.name).toBe(before.vendor.name);
    const microsoft = trace.vendors.find((v) => v.id === "vendor:microsoft");
    expect(microsoft?.name).toBe("Microsoft Azure Renamed");
    expect(trace.elements.nodes.find((n) => n.data.id === "vendor:microsoft")?.data.label).toBe("Microsoft Azure Renamed");
    expect(kentico.vendors.find((v) => v.id === "vendor:microsoft")?.name).toBe("Microsoft");
  }, 300_000);
});
