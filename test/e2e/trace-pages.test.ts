/**
 * A large trace is drawn from its first page (issue 21: the client pays only for what it draws), in headless Debian
 * Chromium against the real API. The first page is made small by asking the server for it with `limit=2` (the request
 * the app sends, changed on its way), and `/api/trace/vendors`, the pages after it, is held: the graph is drawn while
 * the list says it is incomplete and keeps Copy and CSV back; once the pages arrive, the list holds every vendor and
 * the graph is not drawn again. A page that fails is said above the list, with a retry.
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";

import type { TraceResponse } from "../../server/src/contract/api.js";
import { askWith, graphDrawn, shot, useBrowser, WAIT_MS } from "../support/browser.js";

const ui = useBrowser();
const FROM = "system:kentico";
const URL = `/trace?from=${encodeURIComponent(FROM)}`;

/** The first page the app asks for, asked with two vendors (and one field each) instead of the default. */
const smallFirstPage = (page: Page) => askWith(page, "/api/trace", { limit: "2", fields: "1" });

/** The whole answer, every vendor on one page. */
async function wholeTrace(): Promise<TraceResponse> {
  return (await (await fetch(`${ui.base}/api/trace?from=${encodeURIComponent(FROM)}&limit=500&fields=1000`)).json()) as TraceResponse;
}

const listed = (page: Page) => page.getByTestId("trace-vendors").locator(".result-list__rows > li strong").allTextContents();
const layouts = (page: Page) => page.evaluate(() => performance.getEntriesByName("graph:layout").length);

/**
 * The trace opened with a small first page and the pages after it answered `status` with `error` while `failing` is
 * true; resolves once the list says the rest could not be read. `firstPages` counts the app's requests for the first page.
 */
async function openFailingLaterPages(status: number, error: { code: string; message: string }) {
  const state = { failing: true, firstPages: 0 };
  const page = await ui.open(URL, {
    before: async (p) => {
      p.on("request", (r) => {
        if (new globalThis.URL(r.url()).pathname === "/api/trace") state.firstPages++;
      });
      await smallFirstPage(p);
      await p.route(
        (url) => url.pathname === "/api/trace/vendors",
        (route) => (state.failing ? route.fulfill({ status, contentType: "application/json", body: JSON.stringify({ error }) }) : route.continue()),
      );
    },
  });
  await graphDrawn(page);
  const note = page.getByTestId("trace-vendors").getByTestId("trace-vendors-incomplete");
  await expect.poll(() => note.getAttribute("role"), { timeout: WAIT_MS }).toBe("alert");
  return Object.assign(state, { page, note });
}

describe("a trace read in pages", () => {
  it("draws the graph before the pages after the first are answered, then lists every vendor without drawing it again", { timeout: 120_000 }, async () => {
    const whole = await wholeTrace();
    expect(whole.vendorCount).toBeGreaterThan(2);
    const held: Route[] = [];
    const page = await ui.open(URL, {
      before: async (p) => {
        await smallFirstPage(p);
        await p.route((url) => url.pathname === "/api/trace/vendors", (route) => void held.push(route));
      },
    });

    await graphDrawn(page);
    // The pages after the first are asked for and not answered: the picture came from the first page alone.
    expect(held.length).toBeGreaterThan(0);
    const list = page.getByTestId("trace-vendors");
    expect(await list.getByTestId("trace-vendors-incomplete").textContent()).toContain(`Loading the list: 2 of ${whole.vendorCount} vendors read so far`);
    expect(await listed(page)).toHaveLength(2);
    expect(await list.getByRole("button", { name: "CSV" }).isDisabled()).toBe(true);
    expect(await list.getByRole("button", { name: "Copy" }).isDisabled()).toBe(true);
    // Every count on screen is the whole answer's; the transfer statuses' summary waits for every vendor.
    expect(await page.locator(".screen__subtitle").textContent()).toBe(`Personal data from system ${whole.from.label} reaches ${whole.vendorCount} vendors.`);
    await shot(page, "trace-pages-first-page");
    const drawn = await page.getByTestId("graph").getAttribute("data-drawn");
    const laidOut = await layouts(page);

    for (const route of held.splice(0)) await route.continue();
    await page.unroute((url) => url.pathname === "/api/trace/vendors");
    await expect.poll(() => listed(page), { timeout: WAIT_MS }).toHaveLength(whole.vendorCount);

    expect((await listed(page)).sort()).toEqual(whole.vendors.map((v) => v.name).sort());
    expect(await list.getByTestId("trace-vendors-incomplete").count()).toBe(0);
    expect(await list.getByRole("button", { name: "CSV" }).isDisabled()).toBe(false);
    expect(await page.locator(".screen__subtitle").textContent()).toMatch(new RegExp(`^Personal data from system ${whole.from.label} reaches ${whole.vendorCount} vendors: \\d+ `));
    // The picture was not laid out again when the rest arrived, and it is the one the whole answer draws.
    expect(await layouts(page)).toBe(laidOut);
    expect(await page.getByTestId("graph").getAttribute("data-drawn")).toBe(drawn);
    const plain = await ui.open(URL);
    await graphDrawn(plain);
    expect(await plain.getByTestId("graph").getAttribute("data-drawn")).toBe(drawn);
    await plain.close();

    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("says above the list that the rest could not be read, keeps the picture, and reads the rest on Try again without asking for the first page or drawing it again", { timeout: 120_000 }, async () => {
    const whole = await wholeTrace();
    const t = await openFailingLaterPages(500, { code: "INTERNAL", message: "The vendors' page failed." });
    const { page, note } = t;
    expect(await note.textContent()).toContain(`Incomplete list (2 of ${whole.vendorCount} vendors read): the rest could not be read. The vendors' page failed.`);
    expect(await page.getByTestId("trace-vendors").getByRole("button", { name: "CSV" }).isDisabled()).toBe(true);
    expect(await page.getByTestId("graph").getAttribute("aria-busy")).toBe("false");
    await shot(page, "trace-pages-failed");
    const drawn = await layouts(page);
    expect(t.firstPages).toBe(1);

    t.failing = false;
    await note.getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => listed(page), { timeout: WAIT_MS }).toHaveLength(whole.vendorCount);
    expect(await note.count()).toBe(0);
    expect(t.firstPages).toBe(1);
    expect(await layouts(page)).toBe(drawn);
    // The browser reports the failed answer itself; nothing else went wrong.
    expect(page.errors.filter((e) => !e.includes("status of 500"))).toEqual([]);
    await page.close();
  });

  it("asks for the first page again on Try again when a later page says the data was loaded again since (409)", { timeout: 120_000 }, async () => {
    const whole = await wholeTrace();
    const t = await openFailingLaterPages(409, { code: "CONFLICT", message: "The data was loaded again since this page was answered: ask for the first page again." });
    expect(t.firstPages).toBe(1);

    t.failing = false;
    await t.note.getByRole("button", { name: "Try again" }).click();
    await expect.poll(() => listed(t.page), { timeout: WAIT_MS }).toHaveLength(whole.vendorCount);
    // Its first page describes the graph before that load too: read from the start.
    expect(t.firstPages).toBe(2);
    expect(t.page.errors.filter((e) => !e.includes("status of 409"))).toEqual([]);
    await t.page.close();
  });
});
