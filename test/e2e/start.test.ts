/**
 * The explorer's everyday edges in Debian Chromium: the home page's three jobs, search results that name their
 * system, the filter popover, the paths view, and a narrow window that keeps the export buttons in reach.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { graphDrawn, launchChromium, listen, shot, type Server } from "../support/browser.js";
import { testApp } from "../support/graph.js";

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, base } = await listen(testApp()));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(url: string, viewport = { width: 1440, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on("pageerror", (e) => console.error(`[browser] ${e.message}`));
  await page.goto(`${base}${url}`);
  return page;
}

describe("home page", () => {
  it("offers the three jobs without selecting a node: trace a system, referenced by, DPIA pack", { timeout: 60_000 }, async () => {
    const page = await open("/");
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

describe("search", () => {
  it("names each result's system, so two 'Sign-up form' sources are told apart", { timeout: 60_000 }, async () => {
    const page = await open("/");
    // As in the explorer's search test: type once the first view is drawn, not while the app is still loading.
    await graphDrawn(page);
    const search = page.getByRole("combobox", { name: "Search the inventory" });
    await search.click();
    const answered = page.waitForResponse((r) => r.url().includes("/api/search?q=sign-up"), { timeout: 30_000 });
    await search.pressSequentially("sign-up", { delay: 30 });
    expect((await answered).status()).toBe(200);
    await page.locator(".search__menu").getByRole("option").first().waitFor();
    const options = await page.locator(".search__menu").getByRole("option").allTextContents();
    const signUps = options.filter((o) => /sign-up form/i.test(o));
    expect(signUps.length).toBeGreaterThanOrEqual(2);
    expect(new Set(signUps).size).toBe(signUps.length);
    expect(signUps.some((o) => o.includes("Kontent.ai"))).toBe(true);
    await shot(page, "search-systems");
    await page.close();
  });
});

describe("filter popover", () => {
  it("closes on Esc and on a click outside it", { timeout: 60_000 }, async () => {
    const page = await open("/trace?from=system:ambassify");
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
    const page = await open(`/paths?from=${encodeURIComponent("table:kentico/COM_Customer")}&to=vendor:paypal`);
    await graphDrawn(page);
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBe("Paths from COM_Customer to PayPal");
    await expect(page.getByTestId("paths-list").locator("li").count()).resolves.toBeGreaterThan(0);
    await shot(page, "paths");
    await page.close();
  });
});

describe("a window 800 px wide", () => {
  it("keeps the export buttons on screen", { timeout: 60_000 }, async () => {
    const page = await open("/trace?from=system:ambassify", { width: 800, height: 900 });
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
