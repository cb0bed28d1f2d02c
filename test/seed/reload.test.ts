import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";

import { TraceResponseSchema, VendorResponseSchema, type VendorFlow } from "../../server/src/contract/api.js";
import { ids } from "../../server/src/contract/ids.js";
import { parseInventoryText, readCatalogue } from "../../server/src/inventory/inventory.parse.js";
import { LoadError, removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { BUILT_IN_DIR, CATALOGUE_DIR } from "../../server/src/inventory/paths.js";
import { loadInventories, loadInventoryFiles, sha256Of } from "../../server/src/inventory/seed.service.js";
import { graphChecksum, graphLines } from "../support/checksum.js";
import { CRM, SHOP } from "../support/estate.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);
const BUILT_IN = ["ambassify.yaml", "kentico-cloud.yaml", "kentico.yaml", "kontent-ai.yaml"].map((f) => path.join(BUILT_IN_DIR, f));
const KONTENT_AI = path.join(BUILT_IN_DIR, "kontent-ai.yaml");
const tmp = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-reload-"));

/** What another system says about Microsoft: its flows' services and legal names, per system. */
const otherSystemsFlows = (flows: VendorFlow[]) =>
  flows.filter((f) => f.system !== "kontent-ai").map((f) => ({ system: f.system, service: f.service, legalName: f.legalName, purpose: f.purpose, receives: f.receives }));

/** kontent-ai.yaml with a column dropped, a vendor swapped for another and a relationship (a vendor sending data back) removed. */
function changedKontentAi(): string {
  const edits: [string, string][] = [
    ["      - { name: Device type, kind: personal, category: device-information, categoryLabel: Device type, purposes: [app-insights] }\n", ""],
    ["fills: [KontentAi_User.Browser, KontentAi_User.Device type, KontentAi_User.Operating system]", "fills: [KontentAi_User.Browser, KontentAi_User.Operating system]"],
    ["      - KontentAi_User.Device type\n", ""],
    ["vendors: [hotjar] }", "vendors: [fullstory] }"],
    ["      id: hotjar\n      name: Hotjar\n", "      id: fullstory\n      name: FullStory\n"],
    ["    sendsBack: [KontentAi_User.Email address]\n", ""],
  ];
  let text = readFileSync(KONTENT_AI, "utf8");
  for (const [from, to] of edits) {
    // Each edit must hit exactly once, or the test would silently stop testing it.
    expect(text.split(from).length - 1, from).toBe(1);
    text = text.replace(from, to);
  }
  return text;
}

/** Loads each file alone again and expects the graph unchanged; the lines that differ name the cause when it is not. */
async function expectReloadsChangeNothing(files: readonly string[], before: Awaited<ReturnType<typeof graphLines>>, checksum: string): Promise<void> {
  for (const file of files) {
    await loadInventoryFiles(graph, [file]);
    const after = await graphLines(graph);
    expect({ file, nodes: after.nodes.filter((n) => !before.nodes.includes(n)), relationships: after.relationships.filter((r) => !before.relationships.includes(r)) }).toEqual({
      file,
      nodes: [],
      relationships: [],
    });
    expect(await graphChecksum(graph)).toBe(checksum);
  }
}

describe("loading one system never changes another's facts", () => {
  afterAll(async () => {
    // Whatever happened above, the original file's load is what the next test file sees.
    await loadInventoryFiles(graph, [KONTENT_AI]);
    rmSync(tmp, { recursive: true, force: true });
  });

  it("leaves the whole graph identical (every node and relationship with all properties) after re-loading each built-in file alone", async () => {
    const before = await graphLines(graph);
    const checksum = await graphChecksum(graph);

    await expectReloadsChangeNothing(BUILT_IN, before, checksum);
  }, 600_000);

  it("with flows between own systems loaded (the shop's copies into the CRM), re-loading each file alone changes nothing, the flows included", async () => {
    const estate = [CRM, SHOP];
    await loadInventoryFiles(graph, estate);
    try {
      const before = await graphLines(graph);
      const checksum = await graphChecksum(graph);
      expect(before.relationships.filter((r) => r.includes('"crossSystem":true')).length).toBeGreaterThan(0);

      await expectReloadsChangeNothing([...BUILT_IN, ...estate], before, checksum);
    } finally {
      await removeSystems(graph, ["estate-crm", "estate-shop"]);
    }
  }, 600_000);

  it("re-loading a changed file (column removed, vendor swapped, relationship removed) gives exactly the graph a fresh load of it gives", async () => {
    const original = await graphChecksum(graph);
    const file = path.join(tmp, "changed", "kontent-ai.yaml");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, changedKontentAi());

    await loadInventoryFiles(graph, [file]);
    const reloaded = await graphLines(graph);
    const reloadedChecksum = await graphChecksum(graph);
    // The fresh load: the system removed whole (and shared nodes nothing uses any more), then the changed file loaded.
    await removeSystems(graph, ["kontent-ai"]);
    await loadInventoryFiles(graph, [file]);
    const fresh = await graphLines(graph);

    expect(reloadedChecksum).not.toBe(original);
    expect({ nodes: reloaded.nodes.filter((n) => !fresh.nodes.includes(n)), relationships: reloaded.relationships.filter((r) => !fresh.relationships.includes(r)) }).toEqual({ nodes: [], relationships: [] });
    expect({ nodes: fresh.nodes.filter((n) => !reloaded.nodes.includes(n)), relationships: fresh.relationships.filter((r) => !reloaded.relationships.includes(r)) }).toEqual({ nodes: [], relationships: [] });
    expect(await graphChecksum(graph)).toBe(reloadedChecksum);
    const deviceType = ids.column("kontent-ai", "KontentAi_User", "Device type");
    expect(reloaded.nodes.some((n) => n.includes(JSON.stringify(deviceType)))).toBe(false);
    expect(reloaded.nodes.some((n) => n.includes(JSON.stringify(ids.vendor("fullstory"))))).toBe(true);
    expect(reloaded.relationships.some((r) => r.includes('"SENDS_BACK"') && r.includes(JSON.stringify(ids.column("kontent-ai", "KontentAi_User", "Email address"))))).toBe(false);
  }, 300_000);

  it("a database failure in file 2 of 2 leaves the graph as it was when both fit one transaction, and says so", async () => {
    const catalogue = await readCatalogue(CATALOGUE_DIR);
    const kentico = path.join(BUILT_IN_DIR, "kentico-cloud.yaml");
    const broken = parseInventoryText(kentico, readFileSync(kentico, "utf8"), catalogue);
    broken.entities[0]!.columns[0]!.references = "No_Such_Table";
    const before = await graphChecksum(graph);

    const changed = path.join(tmp, "kontent-ai.yaml");
    const err = await loadInventories(graph, [{ file: changed, inventory: parseInventoryText(changed, changedKontentAi(), catalogue) }, { file: kentico, inventory: broken }], catalogue).then(
      () => null,
      (e: unknown) => e as Error,
    );

    expect(err).toBeInstanceOf(LoadError);
    expect(err?.message).toContain(`loading ${changed}, ${kentico} failed, their systems are unchanged (nothing was loaded)`);
    expect(await graphChecksum(graph)).toBe(before);
  }, 300_000);

  it("past the transaction budget, a failure in file 2 of 2 leaves file 2's system as it was and file 1 loaded, and says so", async () => {
    const catalogue = await readCatalogue(CATALOGUE_DIR);
    const changedFile = path.join(tmp, "changed", "kontent-ai.yaml");
    mkdirSync(path.dirname(changedFile), { recursive: true });
    writeFileSync(changedFile, changedKontentAi());
    const kentico = path.join(BUILT_IN_DIR, "kentico-cloud.yaml");
    const broken = parseInventoryText(kentico, readFileSync(kentico, "utf8"), catalogue);
    // Past validation (as an importer's bug could be): a column referencing a table nobody declared fails inside the transaction.
    broken.entities[0]!.columns[0]!.references = "No_Such_Table";
    await loadInventoryFiles(graph, [KONTENT_AI]);
    const before = await graphChecksum(graph);

    // A budget of one row: every file is a transaction of its own, as at scale L.
    // The first file as `loadInventoryFiles` reads it: its inventory and the hash of its text.
    const first = { file: changedFile, inventory: parseInventoryText(changedFile, changedKontentAi(), catalogue), sha256: sha256Of(changedKontentAi()) };
    const err = await loadInventories(graph, [first, { file: kentico, inventory: broken }], catalogue, 1).then(
      () => null,
      (e: unknown) => e as Error,
    );
    const afterFailure = await graphChecksum(graph);
    await loadInventoryFiles(graph, [changedFile]);

    expect(err).toBeInstanceOf(LoadError);
    expect(err?.message).toContain(`loading ${kentico} failed, its system is unchanged`);
    expect(err?.message).toContain(changedFile);
    expect(err?.message).toContain("No_Such_Table");
    expect(afterFailure).not.toBe(before);
    // What is left is exactly the original graph with only the first file re-loaded.
    expect(afterFailure).toBe(await graphChecksum(graph));
  }, 300_000);

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
