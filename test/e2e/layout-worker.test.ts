/**
 * ELK's worker (a 1.6 MB script) is paid for only by a picture ELK lays out, and then before the layout asks for it:
 * started with the first layout, its compiling had been on every small picture's way to the screen (issue 21: the
 * built-in data's overview and traces drew 150–300 ms later than at f389f3e). Read from the page's own resource
 * timings and the `graph:*` marks the benchmark reads.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { graphDrawn, useBrowser } from "../support/browser.js";

const ui = useBrowser();

/**
 * When the page started ELK's worker (null: never) and when the layout began, ms since navigation (both marks made by
 * the page's own script, in its order), and whether the browser fetched the worker's script at all. The fetch's own
 * start is the browser's, asynchronous to the page's script: on a busy machine it may begin after the layout mark
 * even though the worker was started long before, so the order is read from the marks.
 */
function timings(page: Page): Promise<{ worker: number | null; layout: number | null; fetched: boolean }> {
  return page.evaluate(() => {
    const worker = performance.getEntriesByName("graph:elk-worker")[0];
    const layout = performance.getEntriesByName("graph:layout")[0];
    const fetched = performance.getEntriesByType("resource").some((r) => /elk-worker[^/]*\.js$/.test(r.name));
    return { worker: worker ? worker.startTime : null, layout: layout ? layout.startTime : null, fetched };
  });
}

describe("ELK's worker", () => {
  it("is asked for while a small picture is prepared, before its layout starts", { timeout: 60_000 }, async () => {
    const page = await ui.open("/");
    await graphDrawn(page);
    const t = await timings(page);
    expect(t.layout).not.toBeNull();
    expect(t.worker).not.toBeNull();
    expect(t.worker!).toBeLessThan(t.layout!);
    expect(t.fetched).toBe(true);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("is never asked for by a picture the lane layout draws", { timeout: 120_000 }, async () => {
    // Everything within two steps of Kentico: past ELK's limits (flowLayout.ts), drawn by the lane layout.
    const page = await ui.open("/explore?focus=system%3Akentico&depth=2");
    await graphDrawn(page);
    const t = await timings(page);
    expect(t.layout).not.toBeNull();
    expect(t.worker).toBeNull();
    expect(t.fetched).toBe(false);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
