/**
 * Several data sets in one explorer: the header's system picker scopes the overview, search, traces and the vendor
 * list to the systems picked, the URL carries the choice (`systems=…`), and links the app builds keep it.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import type { OverviewResponse } from "../../server/src/contract/api.js";
import { graphDrawn, useBrowser } from "../support/browser.js";

const ui = useBrowser();

/** The nodes Cytoscape holds: id, kind, system. */
function drawnNodes(page: Page): Promise<{ id: string; kind: string; system: string | null }[]> {
  return page.getByTestId("graph").evaluate((el) => {
    type Cy = { nodes: () => { map: <T>(f: (n: { data: (k: string) => unknown }) => T) => T[] } };
    const cy = (el as unknown as { _cyreg?: { cy?: Cy } })._cyreg?.cy;
    if (!cy) throw new Error("no Cytoscape instance on the graph container");
    return cy.nodes().map((n) => ({ id: String(n.data("id")), kind: String(n.data("kind")), system: (n.data("system") as string | null) ?? null }));
  });
}

async function overview(systems?: string): Promise<OverviewResponse> {
  const res = await fetch(`${ui.base}/api/overview${systems ? `?systems=${systems}` : ""}`);
  expect(res.status).toBe(200);
  return (await res.json()) as OverviewResponse;
}

/** Types `text` into the search box and returns the result list once it answers that text (not an earlier prefix). */
async function searchFor(page: Page, text: string) {
  const search = page.getByRole("combobox", { name: "Search the inventory" });
  await search.fill("");
  await search.click();
  await search.pressSequentially(text, { delay: 30 });
  const menu = page.getByRole("listbox", { name: `Search results for “${text}”` });
  await menu.waitFor({ state: "attached" });
  return menu;
}

describe("the system picker", () => {
  it("switches the overview and search to Ambassify alone, and back to every system", { timeout: 120_000 }, async () => {
    const ambassify = await overview("ambassify");
    const page = await ui.open("/");
    await graphDrawn(page);
    const everySystem = (await drawnNodes(page)).filter((n) => n.kind === "system").map((n) => n.id);
    expect(everySystem.length).toBeGreaterThan(1);

    await page.getByTestId("system-picker").getByRole("button", { name: /All systems/ }).click();
    await page.locator('[data-only="ambassify"]').click();
    await page.waitForURL(/[?&]systems=ambassify(&|$)/);
    await graphDrawn(page);

    const nodes = await drawnNodes(page);
    expect(nodes.filter((n) => n.kind === "system").map((n) => n.id)).toEqual(["system:ambassify"]);
    expect(nodes.filter((n) => n.kind === "vendor").map((n) => n.id).sort()).toEqual(ambassify.vendors.map((v) => v.id).sort());
    expect(nodes.map((n) => n.id)).not.toContain("vendor:paypal");
    await expect(page.getByTestId("system-picker-label").textContent()).resolves.toBe("Ambassify");
    const cards = await page.locator(".system-card__name").allTextContents();
    expect(cards).toEqual(["Ambassify"]);

    // A Kentico table is not in this data set.
    const none = await searchFor(page, "CMS_User");
    await none.locator(".search__none").waitFor();
    expect(await none.getByRole("option").count()).toBe(0);
    await page.keyboard.press("Escape");

    // Back to every system: the overview and search see Kentico again.
    await page.getByTestId("system-picker").getByRole("button").first().click();
    // Choosing closes the popover, so click (a post-click state check would read an element that is gone).
    await page.getByRole("radio", { name: "All systems" }).click();
    await page.waitForURL((url) => !url.searchParams.has("systems"));
    await graphDrawn(page);
    expect((await drawnNodes(page)).filter((n) => n.kind === "system").map((n) => n.id).sort()).toEqual([...everySystem].sort());
    await page.keyboard.press("Escape");
    const found = await searchFor(page, "CMS_User");
    await found.getByRole("option").filter({ hasText: "CMS_User" }).first().waitFor();
    await page.close();
  });

  it("is carried by the deep link and kept by the links the app builds (details → trace, header → vendors)", { timeout: 120_000 }, async () => {
    const page = await ui.open("/?systems=ambassify&node=system%3Aambassify");
    await graphDrawn(page);

    await page.getByTestId("details").getByRole("link", { name: "Trace to vendors" }).click();
    await page.waitForURL(/\/trace\?.*systems=ambassify/);
    await graphDrawn(page);
    const traced = await drawnNodes(page);
    expect(traced.filter((n) => n.kind === "column").length).toBeGreaterThan(0);
    expect(traced.filter((n) => n.system !== null).every((n) => n.system === "ambassify")).toBe(true);

    await page.getByRole("navigation", { name: "Views" }).getByRole("link", { name: "Vendors" }).click();
    await page.waitForURL(/\/vendors\?systems=ambassify/);
    const list = page.getByTestId("vendors-list");
    // Vendor names are the rows' headings (services are listed under them).
    await list.locator("strong", { hasText: /^Twilio$/ }).waitFor();
    expect(await list.locator("strong", { hasText: /^PayPal$/ }).count()).toBe(0);

    // A trace deep link with a scope: a category every system holds (names) shows only Ambassify's columns.
    await page.goto(`${ui.base}/trace?from=category%3Aname&systems=ambassify`);
    await graphDrawn(page);
    const columns = (await drawnNodes(page)).filter((n) => n.kind === "column");
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.every((n) => n.system === "ambassify")).toBe(true);
    await page.close();
  });
});
