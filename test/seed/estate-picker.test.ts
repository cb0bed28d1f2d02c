/**
 * The header's system picker keeps connected systems one click away (issue 18), with the estate fixtures loaded into
 * the run's database (so this file is a writer): scoped to the web shop, the picker offers the CRM it copies orders
 * into, one click adds it, and names the warehouse it sends to, which is not loaded, without offering it.
 */
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { OverviewResponseSchema } from "../../server/src/contract/api.js";
import { ids } from "../../server/src/contract/ids.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../../server/src/inventory/seed.service.js";
import { graphDrawn, shot, useBrowser } from "../support/browser.js";
import { testGraph } from "../support/graph.js";

const graph = testGraph();
const DIR = path.join(REPO_ROOT, "test", "fixtures", "estate");
const SYSTEMS = ["estate-shop", "estate-crm"];
const ui = useBrowser();

async function overview(systems: string) {
  const res = await fetch(`${ui.base}/api/overview?systems=${systems}`);
  expect(res.status).toBe(200);
  return OverviewResponseSchema.parse(await res.json());
}

describe("the system picker and flows between own systems", () => {
  beforeAll(async () => {
    await removeSystems(graph, SYSTEMS);
    await loadInventoryFiles(graph, [path.join(DIR, "estate-shop.yaml"), path.join(DIR, "estate-crm.yaml")]);
  });
  afterAll(async () => {
    await removeSystems(graph, SYSTEMS);
  });

  it("the overview names each system's connected systems in both directions, whatever the data set", async () => {
    const crm = await overview("estate-crm");
    expect(crm.systems.map((s) => [s.id, s.connected])).toEqual([[ids.system("estate-crm"), { sendsTo: [], receivesFrom: [ids.system("estate-shop")] }]]);
    const shop = await overview("estate-shop");
    expect(shop.systems.map((s) => [s.id, s.connected])).toEqual([[ids.system("estate-shop"), { sendsTo: [ids.system("estate-crm"), ids.system("estate-warehouse")], receivesFrom: [] }]]);
  });

  it("scoped to the shop, offers the CRM one click away and names the warehouse as not loaded; scoped to the CRM, offers the shop", { timeout: 120_000 }, async () => {
    const page = await ui.open("/?systems=estate-shop");
    await graphDrawn(page);
    const connected = page.getByTestId("system-picker-connected");
    // The picker reads the shell's own (unscoped) overview, which may answer after the scoped graph is drawn.
    await connected.locator("[data-add]").first().waitFor();
    await expect(connected.locator("[data-add]").evaluateAll((els) => els.map((e) => e.getAttribute("data-add")))).resolves.toEqual(["estate-crm"]);
    await expect(connected.locator('[data-absent="estate-warehouse"]').textContent()).resolves.toBe("estate-warehouse (not loaded)");
    await shot(page, "system-picker-connected");

    await connected.locator('[data-add="estate-crm"]').click();
    await page.waitForURL(/[?&]systems=estate-crm(%2C|,)estate-shop(&|$)/);
    await graphDrawn(page);
    await expect(page.getByTestId("system-picker-label").textContent()).resolves.toBe("Estate CRM, Estate web shop");
    // Both chosen now: only the warehouse, not loaded, is left to name.
    await expect(connected.locator("[data-add]").count()).resolves.toBe(0);
    await expect(connected.locator("[data-absent]").evaluateAll((els) => els.map((e) => e.getAttribute("data-absent")))).resolves.toEqual(["estate-warehouse"]);

    await page.goto(`${ui.base}/?systems=estate-crm`);
    await graphDrawn(page);
    await page.getByTestId("system-picker-connected").locator("[data-add]").first().waitFor();
    await expect(page.getByTestId("system-picker-connected").locator("[data-add]").evaluateAll((els) => els.map((e) => e.getAttribute("data-add")))).resolves.toEqual(["estate-shop"]);
    expect(page.errors).toEqual([]);
  });
});
