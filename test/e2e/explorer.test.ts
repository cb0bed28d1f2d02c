/**
 * The explorer in headless Debian Chromium against the real API and a seeded Neo4j: the deep links, search →
 * trace, the DPIA exports and the designed error states. Each main view leaves a screenshot in
 * test-results/screenshots/ for a human to look at.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { Graph } from "../../server/src/db/graph.js";
import { createApp } from "../../server/src/server.js";
import { graphDrawn, listen, shot, SHOTS, useBrowser, VIEWPORT } from "../support/browser.js";

const ui = useBrowser();

async function apiJson<T>(url: string): Promise<T> {
  const res = await fetch(`${ui.base}${url}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

describe("landing page", () => {
  it("draws the overview of systems, vendors and countries with a legend", { timeout: 60_000 }, async () => {
    const page = await ui.open("/");
    await graphDrawn(page);

    const legend = page.getByRole("region", { name: "Legend" });
    await legend.getByText("System", { exact: true }).waitFor();
    await legend.getByText("Vendor", { exact: true }).waitFor();
    await page.getByRole("combobox", { name: "Search the inventory" }).waitFor();
    await expect(page.getByTestId("overview-vendors").locator("li").count()).resolves.toBeGreaterThan(5);
    await shot(page, "overview");
    await page.close();
  });
});

describe("/tables/CMS_User/referenced-by", () => {
  it("lists every table that references CMS_User, also after a reload", { timeout: 60_000 }, async () => {
    const api = await apiJson<{ referencedBy: { table: string }[] }>("/api/tables/CMS_User/referenced-by");
    const expected = api.referencedBy.map((r) => r.table).sort();
    expect(expected).toEqual(expect.arrayContaining(["Blog_Comment", "CMS_UserSettings", "COM_Customer", "OM_Contact", "Forums_ForumPost", "Media_File"]));

    const page = await ui.open("/tables/CMS_User/referenced-by");
    await graphDrawn(page);
    const listed = async () => (await page.getByTestId("referencing-table").allTextContents()).map((s) => s.trim()).sort();

    expect(await listed()).toEqual(expected);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Tables that reference CMS_User");
    await shot(page, "referenced-by");

    await page.reload();
    await graphDrawn(page);
    expect(await listed()).toEqual(expected);
    await page.close();
  });

  it("is one click away from a table's details panel", { timeout: 60_000 }, async () => {
    const page = await ui.open("/tables/COM_Customer");
    await graphDrawn(page);
    await page.getByTestId("table-columns").waitFor();
    await shot(page, "table-details");

    await page.getByRole("link", { name: "Referenced by" }).click();
    await page.waitForURL(/\/tables\/kentico\/COM_Customer\/referenced-by$/);
    await graphDrawn(page);
    await expect(page.getByTestId("referencing-table").count()).resolves.toBeGreaterThan(0);
    await page.close();
  });
});

describe("/trace?from=system:ambassify", () => {
  it("marks every vendor with the server's transfer status, in the graph's legend and in the list", { timeout: 60_000 }, async () => {
    const api = await apiJson<{ vendors: { name: string; transfer: string }[] }>("/api/trace?from=system:ambassify");
    const third = api.vendors.filter((v) => v.transfer === "third-country").map((v) => v.name);
    expect(third.length).toBeGreaterThan(0);

    const page = await ui.open("/trace?from=system:ambassify");
    await graphDrawn(page);
    await page.getByRole("region", { name: "Legend" }).getByText("third country: needs a safeguard", { exact: true }).waitFor();
    const list = page.getByTestId("trace-vendors");
    for (const v of api.vendors) {
      await list.locator("li", { hasText: v.name }).locator(`.badge--${v.transfer}`).first().waitFor();
    }
    await shot(page, "trace-transfers");
    await page.close();
  });
});

describe("/trace?from=source:kentico/… (registration)", () => {
  it("says 'country not stated' for PayPal, never a safe status", { timeout: 60_000 }, async () => {
    const from = await registrationSource();
    const page = await ui.open(`/trace?from=${encodeURIComponent(from)}&via=columns`);
    await graphDrawn(page);
    const row = page.getByTestId("trace-vendors").locator("li", { hasText: "PayPal" });
    await row.locator(".badge--not-stated").waitFor();
    await expect(row.textContent()).resolves.toContain("country not stated");
    await shot(page, "trace-registration");
    await page.close();
  });
});

describe("filters reach the whole answer", () => {
  it("with the vendor filter on Gravatar, the source trace draws exactly one column into Gravatar, and the export names the filter", { timeout: 90_000 }, async () => {
    const from = await registrationSource();
    const page = await ui.open(`/trace?from=${encodeURIComponent(from)}&vendor=vendor:gravatar`);
    await graphDrawn(page);

    const drawn = await drawnEdges(page);
    // Via categories: column → (email, Gravatar) → Gravatar. Exactly one column leads into Gravatar's category node.
    const intoGravatar = drawn.filter((e) => e.target.endsWith("@vendor:gravatar"));
    expect(intoGravatar.map((e) => e.source)).toEqual(["column:kentico/CMS_User.Email"]);
    await expect(page.getByTestId("trace-vendors").locator("li").count()).resolves.toBe(1);
    await expect(page.locator(".screen__subtitle").textContent()).resolves.toMatch(/reaches 1 vendor \(filtered: 1 of \d+\)/);

    const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export SVG" }).click()]);
    const svgText = readFileSync((await svg.path()), "utf8");
    // The caption wraps to the figure's width: read the SVG's text with its lines joined.
    const caption = svgText.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    expect(caption).toContain("Filters: Vendors = Gravatar");
    expect(caption).toMatch(/Data set: Kentico inventories · /);
    await shot(page, "trace-filter-gravatar");
    await page.close();
  });
});

/** The edges Cytoscape has drawn, read from the instance it registers on its container. */
async function drawnEdges(page: Page): Promise<{ source: string; target: string; type: string }[]> {
  return page.getByTestId("graph").evaluate((el) => {
    const cy = (el as unknown as { _cyreg?: { cy?: { edges: () => { map: <T>(f: (e: { data: (k: string) => string }) => T) => T[] } } } })._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the graph container");
    return cy.edges().map((e) => ({ source: e.data("source"), target: e.data("target"), type: e.data("type") }));
  });
}

/** Kentico's registration source: the one named "Registration" that feeds CMS_User. */
async function registrationSource(): Promise<string> {
  const found = await apiJson<{ results: { id: string; label: string; system: string | null }[] }>("/api/search?q=registration&kind=source&limit=20");
  const source = found.results.find((r) => r.system === "kentico" && r.label === "Registration");
  if (!source) throw new Error(`no Kentico registration source among ${JSON.stringify(found.results)}`);
  const trace = await apiJson<{ vendors: { name: string }[] }>(`/api/trace?from=${encodeURIComponent(source.id)}`);
  expect(trace.vendors.map((v) => v.name)).toEqual(expect.arrayContaining(["PayPal", "Gravatar"]));
  return source.id;
}

describe("Export PNG / Export SVG", () => {
  it("save the whole graph at print resolution with title, legend and caption", { timeout: 90_000 }, async () => {
    const page = await ui.open("/trace?from=table:kentico/COM_Customer");
    await graphDrawn(page);

    const [png] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export PNG" }).click()]);
    await png.saveAs(path.join(SHOTS, "export-trace.png"));
    const pngBytes = readFileSync((await png.path()));
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = pngBytes.readUInt32BE(16);
    const height = pngBytes.readUInt32BE(20);
    // Print resolution: the whole graph at 3× is far larger than the 1440 × 900 viewport.
    expect(width).toBeGreaterThan(VIEWPORT.width * 1.5);
    expect(height).toBeGreaterThan(VIEWPORT.height);
    expect(pngBytes.length).toBeGreaterThan(100_000);

    const [svg] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export SVG" }).click()]);
    await svg.saveAs(path.join(SHOTS, "export-trace.svg"));
    const svgText = readFileSync((await svg.path()), "utf8");
    expect(svg.suggestedFilename()).toMatch(/\.svg$/);
    expect(svgText).toMatch(/^<\?xml/);
    expect(svgText).toContain('<g id="legend"');
    expect(svgText).toMatch(/<g id="legend"[^]*>Vendor<\/text>/);
    expect(svgText).toContain("Where data from COM_Customer goes");
    expect(svgText).toMatch(/Data set: .*Kentico.* · Exported /);
    await page.close();
  });
});

describe("explore", () => {
  it("expands a node's neighbours and keeps them on reload", { timeout: 60_000 }, async () => {
    const page = await ui.open("/explore?focus=table:kentico/COM_Customer");
    await graphDrawn(page);
    const before = await page.getByTestId("explore-list").locator("li").count();
    await page.getByTestId("explore-list").getByRole("button", { name: /CMS_User\b/ }).first().click();
    await page.waitForURL(/node=table(%3A|:)kentico(%2F|\/)CMS_User/);
    await page.getByRole("tab", { name: "Details", selected: true }).waitFor();
    // X expands the selected node (double-click on the canvas does the same).
    await page.keyboard.press("x");
    await page.waitForURL(/expand=table(%3A|:)kentico(%2F|\/)CMS_User(&|$)/);
    await graphDrawn(page);
    // Selecting a node opened its details; the list of drawn nodes is on the Results tab.
    await page.getByRole("tab", { name: "Results" }).click();
    await expect.poll(() => page.getByTestId("explore-list").locator("li").count()).toBeGreaterThan(before);
    await shot(page, "explore");

    await page.reload();
    await graphDrawn(page);
    await page.getByRole("tab", { name: "Results" }).click();
    await expect.poll(() => page.getByTestId("explore-list").locator("li").count()).toBeGreaterThan(before);
    await page.close();
  });
});

describe("error and empty states", () => {
  it("says the database is not reachable when Neo4j is down", { timeout: 60_000 }, async () => {
    const graph = Graph.open({ uri: "bolt://127.0.0.1:9", user: "neo4j", password: "x", queryTimeoutMs: 1000 });
    const down = await listen(createApp({ graph }));
    try {
      const page = await ui.open("/", { root: down.base });
      const alert = page.getByRole("alert");
      await alert.waitFor();
      await expect(alert.getAttribute("data-error-code")).resolves.toBe("DATABASE_UNAVAILABLE");
      await expect(alert.textContent()).resolves.toMatch(/database is not reachable/i);
      await shot(page, "error-database-down");
      await page.close();
    } finally {
      await new Promise((r) => down.server.close(r));
      await graph.close();
    }
  });

  it("says what was not found for an unknown table", { timeout: 60_000 }, async () => {
    const page = await ui.open("/tables/No_Such_Table/referenced-by");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/not found/i);
    await shot(page, "not-found");
    await page.close();
  });
});
