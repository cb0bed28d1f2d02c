/**
 * The where checklist is shown from its first page while the pages after it are read, in headless Debian Chromium
 * against the real API. The built-in data answers a where question in one page, so the first page is made small by
 * asking the server for it with `limit=2` (the request the app sends, changed on its way), and the pages after it
 * (`/api/where/columns`, `/tables`, `/referencing`) are held: the checklist is on screen from the first page while the
 * list says how much of it is read, and Print, Copy and CSV wait; once the pages arrive, the list holds every item.
 * A page that fails is said above the list, with a retry, and the first page stays on screen.
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";

import type { WhereResponse } from "../../server/src/contract/api.js";
import { askWith, shot, useBrowser, WAIT_MS } from "../support/browser.js";

const ui = useBrowser();
const SUBJECT = "subject:kentico/user";
const URL = `/where?subject=${encodeURIComponent(SUBJECT)}`;
const open = (before: (page: Page) => Promise<void>) => ui.open(URL, { viewport: { width: 1280, height: 1000 }, before });
const LATER_PAGES = (url: globalThis.URL) => url.pathname.startsWith("/api/where/");

/** The first answer the app asks for, asked with two items of each paged list instead of the default. */
const smallFirstPage = (page: Page) => askWith(page, "/api/where", { limit: "2" });

/** The whole answer, every item of each list on one page. */
async function wholeWhere(): Promise<WhereResponse> {
  return (await (await fetch(`${ui.base}/api/where?subject=${encodeURIComponent(SUBJECT)}&limit=2000`)).json()) as WhereResponse;
}

const group = (page: Page, name: string) => page.getByTestId("where-list").getByRole("region", { name }).getByRole("listitem").locator("strong").allTextContents();
const button = (page: Page, name: string) => page.getByTestId("where-list").getByRole("button", { name });

describe("a where checklist read in pages", () => {
  it("shows the checklist from the first page while the rest is read, with Print, Copy and CSV waiting, then lists every item", { timeout: 120_000 }, async () => {
    const whole = await wholeWhere();
    // The question must have more than one page of each paged list at `limit=2`, or this test shows nothing.
    expect([whole.columnCount, whole.tableCount, whole.referencingCount].every((c) => c > 2), `counts ${whole.columnCount}/${whole.tableCount}/${whole.referencingCount}`).toBe(true);
    const held: Route[] = [];
    const page = await open(async (p) => {
      await smallFirstPage(p);
      await p.route(LATER_PAGES, (route) => void held.push(route));
    });

    const note = page.getByTestId("where-list").getByTestId("where-incomplete");
    await note.waitFor();
    // The pages after the first are asked for and not answered: what is on screen came from the first answer alone.
    expect(held.length).toBeGreaterThan(0);
    expect(await note.getAttribute("role")).toBe("status");
    expect(await note.textContent()).toContain(
      `Loading the list: 2 of ${whole.columnCount} columns, 2 of ${whole.tableCount} tables, 2 of ${whole.referencingCount} referencing tables read so far…`,
    );
    expect(await group(page, "Tables & columns")).toEqual(whole.tables.slice(0, 2).map((t) => t.name));
    expect(await group(page, "Referencing tables")).toEqual(whole.referencing.slice(0, 2).map((r) => r.name));
    // Sources and vendor flows come whole with the first answer.
    expect(await group(page, "Vendors")).toHaveLength(whole.vendors.length);
    expect(await page.getByRole("heading", { name: /^Tables & columns/ }).textContent()).toBe(`Tables & columns (2 of ${whole.tableCount})`);
    // Every count on screen is the whole answer's; "checked" says it counts only what is read.
    const summary = await page.getByTestId("where-list").locator(".result-list__summary").textContent();
    const all = whole.tableCount + whole.referencingCount + whole.sources.length + whole.vendors.length;
    expect(summary).toContain(`${whole.columnCount} columns in ${whole.tableCount} tables · ${whole.referencingCount} referencing tables · ${whole.sources.length} sources · ${whole.vendors.length} vendor flows`);
    expect(await page.getByTestId("where-checked").textContent()).toBe(`0 checked of the ${4 + whole.sources.length + whole.vendors.length} items read so far (${all} in all)`);
    for (const name of ["Print", "Copy", "CSV"]) expect(await button(page, name).isDisabled(), `${name} while the list is incomplete`).toBe(true);
    // A tick on the first page is kept when the rest arrives.
    await page.getByTestId("where-list").getByRole("region", { name: "Tables & columns" }).getByRole("checkbox").first().check();
    await shot(page, "where-pages-first-page");

    for (const route of held.splice(0)) await route.continue();
    await page.unroute(LATER_PAGES);
    await expect.poll(() => group(page, "Tables & columns"), { timeout: WAIT_MS }).toHaveLength(whole.tableCount);

    expect(await group(page, "Tables & columns")).toEqual(whole.tables.map((t) => t.name));
    expect(await group(page, "Referencing tables")).toEqual(whole.referencing.map((r) => r.name));
    expect(await note.count()).toBe(0);
    expect(await page.getByRole("heading", { name: /^Tables & columns/ }).textContent()).toBe(`Tables & columns (${whole.tableCount})`);
    expect(await page.getByTestId("where-checked").textContent()).toBe(`1 of ${all} checked`);
    for (const name of ["Print", "Copy", "CSV"]) expect(await button(page, name).isDisabled(), `${name} once the list is whole`).toBe(false);
    await shot(page, "where-pages-whole");

    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("says above the list that the rest could not be read, keeps the first page, and reads the rest on Try again without asking for the first page again", { timeout: 120_000 }, async () => {
    const whole = await wholeWhere();
    let failing = true;
    let firstAnswers = 0;
    const page = await open(async (p) => {
      p.on("request", (r) => {
          if (new globalThis.URL(r.url()).pathname === "/api/where") firstAnswers++;
        });
      await smallFirstPage(p);
      await p.route(
        (url) => url.pathname === "/api/where/tables",
        (route) => (failing ? route.fulfill({ status: 500, contentType: "application/json", body: JSON.stringify({ error: { code: "INTERNAL", message: "The tables' page failed." } }) }) : route.continue()),
      );
    });

    const note = page.getByTestId("where-list").getByTestId("where-incomplete");
    await expect.poll(() => note.getAttribute("role"), { timeout: WAIT_MS }).toBe("alert");
    expect(await note.textContent()).toContain(`Incomplete list (2 of ${whole.columnCount} columns, 2 of ${whole.tableCount} tables,`);
    expect(await note.textContent()).toContain("the rest could not be read. The tables' page failed.");
    expect(await group(page, "Tables & columns")).toEqual(whole.tables.slice(0, 2).map((t) => t.name));
    for (const name of ["Print", "CSV"]) expect(await button(page, name).isDisabled(), `${name} after a failed page`).toBe(true);
    await shot(page, "where-pages-failed");

    expect(firstAnswers).toBe(1);

    failing = false;
    await note.getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => group(page, "Tables & columns"), { timeout: WAIT_MS }).toHaveLength(whole.tableCount);
    expect(firstAnswers).toBe(1);
    expect(await group(page, "Referencing tables")).toEqual(whole.referencing.map((r) => r.name));
    expect(await note.count()).toBe(0);
    expect(await button(page, "Print").isDisabled()).toBe(false);
    // The browser reports the failed answer itself; nothing else went wrong.
    expect(page.errors.filter((e) => !e.includes("status of 500"))).toEqual([]);
    await page.close();
  });
});
