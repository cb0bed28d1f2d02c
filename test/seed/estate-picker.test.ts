/**
 * The header's system picker keeps connected systems one click away (issue 18), with the estate fixtures loaded into
 * the run's database (so this file is a writer): scoped to the web shop, the picker offers the CRM it copies orders
 * into, one click adds it, and names the warehouse it sends to, which is not loaded, without offering it.
 */
import path from "node:path";

import type { Core } from "cytoscape";
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

  it("scoped to the shop, the overview's caption counts the shop alone and names the systems its data goes into; every system's label is readable", { timeout: 120_000 }, async () => {
    const page = await ui.open("/?systems=estate-shop");
    await graphDrawn(page);
    await expect(page.locator(".screen__subtitle").textContent()).resolves.toBe(
      "1 system shares personal data with no vendor; data goes into 2 other systems of ours (1 outside the selection, 1 not loaded).",
    );
    // Each system's label against its box as drawn (fill at its opacity over the white canvas): WCAG contrast, at least 4.5:1.
    const labels = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="graph"]')!;
      const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
      const rgb = (c: string) => (c.match(/\d+/g) ?? []).slice(0, 3).map(Number);
      return cy.nodes(".kind-system").map((n) => ({ id: n.id(), label: String(n.style("label")), text: rgb(String(n.style("color"))), fill: rgb(String(n.style("background-color"))), opacity: Number(n.style("background-opacity")) }));
    });
    const luminance = (c: number[]) => {
      const [r, g, b] = c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    expect(labels.map((l) => l.id).sort()).toEqual([ids.system("estate-crm"), ids.system("estate-shop"), ids.system("estate-warehouse")]);
    expect(labels.find((l) => l.id === ids.system("estate-warehouse"))?.label).toBe("estate-warehouse (not loaded)");
    for (const l of labels) {
      const drawn = l.fill.map((v) => v * l.opacity + 255 * (1 - l.opacity));
      expect(contrast(l.text, drawn), `${l.label}: text rgb(${l.text.join(",")}) on rgb(${drawn.map(Math.round).join(",")})`).toBeGreaterThanOrEqual(4.5);
    }
    await shot(page, "overview-estate-scoped");
    expect(page.errors).toEqual([]);
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
