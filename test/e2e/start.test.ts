/**
 * The explorer's everyday edges in Debian Chromium: the home page's three jobs, search results that name their
 * system, the filter popover, the paths view, and a narrow window that keeps the export buttons in reach.
 */
import { describe, expect, it } from "vitest";

import { graphDrawn, shot, useBrowser } from "../support/browser.js";

const ui = useBrowser();

describe("home page", () => {
  it("offers the three jobs without selecting a node: trace a system, referenced by, DPIA pack", { timeout: 60_000 }, async () => {
    const page = await ui.open("/");
    await graphDrawn(page);
    const start = page.getByRole("region", { name: "Start here" });
    await start.getByLabel("System for the trace and the DPIA pack").selectOption({ label: "Ambassify" });
    await expect(start.getByRole("link", { name: "DPIA pack (PDF)" }).getAttribute("href")).resolves.toBe("/api/reports/dpia?from=system%3Aambassify&format=pdf");
    await start.getByLabel("Table for “referenced by”").fill("CMS_User");
    await shot(page, "home-start-here");
    await start.getByRole("link", { name: "Which tables reference CMS_User" }).click();
    await page.waitForURL(/\/tables\/kentico\/CMS_User\/referenced-by$/);
    await graphDrawn(page);
    await expect(page.getByTestId("referencing-table").count()).resolves.toBe(34);

    await page.goBack();
    await graphDrawn(page);
    await page.getByRole("region", { name: "Start here" }).getByRole("link", { name: "Trace to every vendor" }).click();
    await page.waitForURL(/\/trace\?from=system(%3A|:)/);
    await graphDrawn(page);
    await page.close();
  });
});

describe("filter popover", () => {
  it("closes on Esc and on a click outside it", { timeout: 60_000 }, async () => {
    const page = await ui.open("/trace?from=system:ambassify");
    await graphDrawn(page);
    const menu = page.locator("details.menu");
    await page.getByText("Filters", { exact: true }).click();
    await expect(menu.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await expect(menu.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await page.getByText("Filters", { exact: true }).click();
    await page.locator(".screen__title").click();
    await expect(menu.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await page.close();
  });
});

describe("paths", () => {
  it("draws the shortest data-flow paths between a table and a vendor", { timeout: 60_000 }, async () => {
    const page = await ui.open(`/paths?from=${encodeURIComponent("table:kentico/COM_Customer")}&to=vendor:paypal`);
    await graphDrawn(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Paths from COM_Customer to PayPal");
    await expect(page.getByTestId("paths-list").locator("li").count()).resolves.toBeGreaterThan(0);
    await shot(page, "paths");
    await page.close();
  });
});

describe("a window 800 px wide", () => {
  it("keeps the export buttons on screen", { timeout: 60_000 }, async () => {
    const page = await ui.open("/trace?from=system:ambassify", { viewport: { width: 800, height: 900 } });
    await graphDrawn(page);
    for (const name of ["Export PNG", "Export SVG"]) {
      const box = await page.getByRole("button", { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box!.x + box!.width, name).toBeLessThanOrEqual(800);
      expect(box!.y + box!.height, name).toBeLessThanOrEqual(900);
    }
    await shot(page, "narrow-800");
    await page.close();
  });
});
