/**
 * Issue 21: the overview is computed at the end of every load (overview.precompute.ts) and read in O(systems +
 * vendors); the load sequence, bumped in the same transaction, keys every kept answer. The precomputed overview must
 * be the answer the live computation gives, for every grouping and data set, on the built-in data and on the
 * two-system estate; and an import by another process must change the API's answer at once, never answered stale.
 */
import { spawn } from "node:child_process";
import path from "node:path";

import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { OverviewResponseSchema, type OverviewResponse } from "../../server/src/contract/api.js";
import { readCatalogue } from "../../server/src/inventory/inventory.parse.js";
import { LoadError, removeSystems, replaceSystems } from "../../server/src/inventory/inventory.repository.js";
import { CATALOGUE_DIR, REPO_ROOT } from "../../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../../server/src/inventory/seed.service.js";
import { LiveOverviewRepository, OverviewRepository } from "../../server/src/overview/overview.repository.js";
import { OverviewService } from "../../server/src/overview/overview.service.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const precomputed = new OverviewService(new OverviewRepository(graph));
const live = new OverviewService(new LiveOverviewRepository(graph));
const DIR = path.join(REPO_ROOT, "test", "fixtures", "estate");
const SHOP = path.join(DIR, "estate-shop.yaml");
const CRM = path.join(DIR, "estate-crm.yaml");
const ESTATE = ["estate-shop", "estate-crm"];

const sequence = async () => Number((await graph.probe("MATCH (s:LoadState {id: 'graph'}) RETURN s.seq AS seq"))[0]?.seq);
const summarised = async () => (await graph.probe("MATCH (s:SystemSummary) RETURN s.system AS system ORDER BY system")).map((r) => r.system);
const loaded = async () => (await graph.probe("MATCH (s:System) RETURN s.system AS system ORDER BY system")).map((r) => r.system);

/** Every grouping, for every system alone, a pair and all of them, and each group of a grouped answer expanded. */
async function expectPrecomputedEqualsLive(): Promise<number> {
  const systems = (await loaded()) as string[];
  // The summaries exist for exactly the loaded systems: the answers below are read from them, not from the fallback.
  expect(await summarised()).toEqual(systems);
  let compared = 0;
  for (const scope of [null, ...systems.map((s) => [s]), systems.slice(0, 2)]) {
    for (const group of ["auto", "none", "transfer", "country"] as const) {
      const answer = await precomputed.overview(scope, { group });
      expect(answer, `${group} ${scope?.join(",") ?? "all"}`).toEqual(await live.overview(scope, { group }));
      compared++;
      const groups = answer.elements.nodes.filter((n) => n.data.group).map((n) => n.data.id);
      if (groups.length > 0) {
        const expand = groups.slice(0, 1);
        expect(await precomputed.overview(scope, { group, expand }), `${group} ${expand.join(",")}`).toEqual(await live.overview(scope, { group, expand }));
        compared++;
      }
    }
  }
  return compared;
}

describe("the overview, computed at load", () => {
  beforeAll(async () => {
    await removeSystems(graph, ESTATE);
  });
  afterAll(async () => {
    await removeSystems(graph, ESTATE);
  });

  it("answers on the built-in data exactly as the live computation does, for every grouping and data set", async () => {
    expect(await expectPrecomputedEqualsLive()).toBeGreaterThan(20);
  });

  it("answers on the two-system estate exactly as the live computation does: the shop alone (its flow into a CRM not loaded), both, and after removing them", async () => {
    await loadInventoryFiles(graph, [SHOP]);
    await expectPrecomputedEqualsLive();
    const shopAlone = await precomputed.overview(["estate-shop"], { group: "none" });
    expect(shopAlone.systemFlows?.find((f) => f.target === "estate-crm")?.loaded).toBe(false);

    await loadInventoryFiles(graph, [CRM]);
    await expectPrecomputedEqualsLive();
    const both = await precomputed.overview(["estate-shop"], { group: "none" });
    expect(both.systemFlows?.find((f) => f.target === "estate-crm")).toMatchObject({ loaded: true, transfer: "third-country" });
    // Connected systems are read over every system's flows, the CRM's side included.
    expect(both.systems[0]!.connected?.sendsTo).toContain("system:estate-crm");

    await removeSystems(graph, ESTATE);
    await expectPrecomputedEqualsLive();
  }, 120_000);

  it("bumps the load sequence by one with each load and each removal, and not at all for a load that fails", async () => {
    const start = await sequence();
    await loadInventoryFiles(graph, [SHOP]);
    expect(await sequence()).toBe(start + 1);
    await removeSystems(graph, ["estate-shop"]);
    expect(await sequence()).toBe(start + 2);

    // A load that fails inside its transaction (a relationship to a table that does not exist): no bump commits.
    const overviewBefore = await precomputed.overview(null, { group: "auto" });
    const rows = {
      scoped: [{ id: "system:kentico", label: "System", props: { id: "system:kentico", kind: "system", key: "kentico", name: "Half-loaded", system: "kentico" } }],
      shared: [],
      rels: [{ from: "system:kentico", to: "table:No_Such_Table", type: "CONTAINS" as const, props: {} }],
      systems: ["kentico"],
      loads: [{ system: "kentico", origin: "document" as const }],
      observed: [],
    };
    await expect(replaceSystems(graph, rows, await readCatalogue(CATALOGUE_DIR))).rejects.toBeInstanceOf(LoadError);
    expect(await sequence()).toBe(start + 2);
    expect(await precomputed.overview(null, { group: "auto" })).toEqual(overviewBefore);
  }, 60_000);
});

describe("GET /api/overview after an import by another process", () => {
  const app = testApp(graph);
  const conn = inject("neo4j");

  afterAll(async () => {
    await removeSystems(graph, ESTATE);
  });

  const overview = async (): Promise<OverviewResponse> => {
    const res = await request(app).get("/api/overview");
    expect(res.status).toBe(200);
    return OverviewResponseSchema.parse(res.body);
  };

  /** `npm run import` as a person would run it, in its own process, against the same database. */
  const importInOtherProcess = (file: string) =>
    new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn("npm", ["run", "--silent", "import", "--", file], {
        cwd: REPO_ROOT,
        env: { ...process.env, NEO4J_URI: conn.uri, NEO4J_USER: conn.user, NEO4J_PASSWORD: conn.password },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (b: Buffer) => (output += b.toString()));
      child.stderr.on("data", (b: Buffer) => (output += b.toString()));
      child.on("error", reject);
      child.on("exit", (code) => resolve({ code, output }));
    });

  it("answers with the imported system at once: the kept answer is keyed by the load sequence, never served stale", async () => {
    const before = await overview();
    expect(before.systems.map((s) => s.id)).not.toContain("system:estate-crm");
    // Asked again at the same sequence: the kept answer, byte for byte.
    const again = await request(app).get("/api/overview");
    expect(again.headers.etag).toBe((await request(app).get("/api/overview")).headers.etag);

    const run = await importInOtherProcess(CRM);
    expect(run.code, run.output).toBe(0);

    // The very next request, with no wait and nothing told to this process.
    const after = await overview();
    expect(after.systems.map((s) => s.id)).toContain("system:estate-crm");
    expect(after).toEqual(await live.overview(null, { group: "auto" }));

    // And removed (here, in this process): the next answer no longer has it.
    await removeSystems(graph, ["estate-crm"]);
    expect((await overview()).systems.map((s) => s.id)).not.toContain("system:estate-crm");
    expect(await overview()).toEqual(before);
  }, 120_000);
});
