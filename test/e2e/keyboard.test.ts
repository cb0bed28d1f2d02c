/**
 * Working with the keyboard and the filter menu, as a DPO does: several filters ticked in one go, Enter in every
 * box, and focus that lands on what was chosen (so a screen reader announces it) instead of dropping to the page.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { graphDrawn, useBrowser, WAIT_MS } from "../support/browser.js";

const ui = useBrowser();

/** What has keyboard focus, as a screen reader names it (its label, else its tag). */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName);

describe("the filter menu", () => {
  it("stays open while three values are ticked, one after the other, and says how many are active", { timeout: 120_000 }, async () => {
    const page = await ui.open("/trace?from=system:ambassify");
    await graphDrawn(page);
    const menu = page.locator("details.menu");
    await page.getByText("Filters", { exact: true }).click();
    const panel = page.getByRole("group", { name: "Filters" });
    // The "Vendors" filter group (not the "Show kinds" group, which has a "Vendors" box too).
    const vendors = panel.locator("fieldset").filter({ has: page.locator("legend", { hasText: /^Vendors/ }) }).getByRole("checkbox");
    expect(await vendors.count()).toBeGreaterThanOrEqual(3);

    for (let i = 0; i < 3; i++) {
      const before = page.url();
      // A click, as a user ticks: the box shows ticked once the URL (and so the filter) has changed.
      await vendors.nth(i).click();
      await expect.poll(() => vendors.nth(i).isChecked(), { timeout: WAIT_MS }).toBe(true);
      // Each tick asks the server for the filtered trace; the menu stays open meanwhile and after.
      await expect.poll(() => page.url(), { timeout: WAIT_MS }).not.toBe(before);
      await graphDrawn(page);
      await expect(menu.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    }
    await expect.poll(() => page.locator("details.menu > summary").textContent(), { timeout: WAIT_MS }).toMatch(/Filters \(3\)/);
    for (let i = 0; i < 3; i++) await expect(vendors.nth(i).isChecked()).resolves.toBe(true);
    await page.close();
  });
});

describe("Enter", () => {
  it("in the home page's table box opens which tables reference that table", { timeout: 60_000 }, async () => {
    const page = await ui.open("/");
    await graphDrawn(page);
    // An input with a suggestion list is a combobox to assistive technology.
    const box = page.getByRole("combobox", { name: "Table for “referenced by”" });
    await box.fill("CMS_User");
    await box.press("Enter");

    await expect.poll(() => new URL(page.url()).pathname, { timeout: WAIT_MS }).toMatch(/^\/tables\/(kentico(\/|%2F))?CMS_User\/referenced-by$/);
    await graphDrawn(page);
    // Enter before the suggestions arrive opens the name as typed, which the view resolves to the one system that has it.
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toMatch(/^Tables that reference (kentico\/)?CMS_User$/);
    await page.close();
  });
});

describe("Enter in the other boxes", () => {
  it("in the home page's system box traces that system to every vendor", { timeout: 60_000 }, async () => {
    const page = await ui.open("/");
    await graphDrawn(page);
    const box = page.getByRole("combobox", { name: "System for the trace and the DPIA pack" });
    await box.selectOption({ label: "Kontent.ai" });
    await box.press("Enter");

    await expect.poll(() => new URL(page.url()).searchParams.get("from"), { timeout: WAIT_MS }).toBe("system:kontent-ai");
    expect(new URL(page.url()).pathname).toBe("/trace");
    await graphDrawn(page);
    await page.close();
  });

  it("in a path's end box picks the best match listed", { timeout: 60_000 }, async () => {
    const page = await ui.open("/paths");
    const from = page.getByRole("searchbox", { name: "From: search" });
    await from.fill("COM_Customer");
    await page.getByRole("listbox", { name: "From: choices" }).getByRole("button").first().waitFor();
    const best = (await page.getByRole("listbox", { name: "From: choices" }).getByRole("button").first().textContent()) ?? "";
    await from.press("Enter");

    await expect.poll(() => new URL(page.url()).searchParams.get("from"), { timeout: WAIT_MS }).toMatch(/COM_Customer/);
    expect(best).toContain("COM_Customer");
    await page.close();
  });
});

describe("focus after a choice", () => {
  it("moves into the details of the search result chosen, not to the page body", { timeout: 60_000 }, async () => {
    const page = await ui.open("/");
    await graphDrawn(page);
    const search = page.getByRole("combobox", { name: "Search the inventory" });
    await search.click();
    await search.pressSequentially("COM_Custo", { delay: 30 });
    const option = page.getByRole("listbox", { name: "Search results for “COM_Custo”" }).getByRole("option").filter({ hasText: "COM_Customer" }).first();
    await option.click();

    await page.waitForURL(/node=table(%3A|:)kentico(%2F|\/)COM_Customer/);
    await expect
      .poll(() => focused(page), { timeout: WAIT_MS })
      .toBe("Details of COM_Customer");
    await page.close();
  });

  it("moves into the details of a vendor chosen in a trace's list", { timeout: 60_000 }, async () => {
    const page = await ui.open("/trace?from=system:ambassify");
    await graphDrawn(page);
    const first = page.getByTestId("trace-vendors").locator("li .row-button").first();
    const name = (await first.textContent())?.trim() ?? "";
    await first.click();

    await expect
      .poll(() => focused(page), { timeout: WAIT_MS })
      .toMatch(/^Details of /);
    expect(name.length).toBeGreaterThan(0);
    await page.close();
  });
});
