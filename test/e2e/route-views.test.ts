/**
 * A route shows its view as soon as the view's chunk has loaded, never later by a timer. The views were React.lazy in a
 * Suspense boundary: on a first visit that commits the boundary's fallback, and React holds the commit that reveals
 * the view until 300 ms after the fallback showed, so each first visit waited for that timer (or for an unrelated
 * update of the shell) before its view even asked for its answer (client/src/lib/loadable.ts). Here the page's clock
 * is paused, so no timer fires, and the shell's own answers are held, so no update of the shell can show the view
 * instead: the view has only its chunk's arrival to come from. (With React.lazy both cases wait for ever.)
 */
import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";

import { useBrowser } from "../support/browser.js";

const ui = useBrowser();

/**
 * Opens `url` with the page's timers stopped and the shell's answers (database status, systems) held, and waits for
 * `shown` (watched from before the navigation, so nothing is missed); returns the paths of the held requests.
 */
async function shownWithoutTimers(url: string, shown: (page: Page) => Promise<unknown>): Promise<Set<string>> {
  const held: Route[] = [];
  let seen: Promise<unknown> = Promise.resolve();
  const page = await ui.open(url, {
    before: async (p) => {
      const now = Date.now();
      await p.clock.install({ time: now });
      await p.clock.pauseAt(now + 1000);
      await p.route((u) => u.pathname === "/api/health" || u.pathname === "/api/overview", (route) => void held.push(route));
      seen = shown(p);
    },
  });
  await seen;
  expect(page.errors).toEqual([]);
  await page.close();
  return new Set(held.map((r) => new URL(r.request().url()).pathname));
}

describe("a view's first visit", () => {
  it("shows the vendors list once its chunk has loaded, without a timer", { timeout: 90_000 }, async () => {
    const held = await shownWithoutTimers("/vendors", (p) => p.getByTestId("vendors-list").waitFor());
    // The shell asked for its answers and got none: nothing but the chunk showed the view.
    expect(held).toEqual(new Set(["/api/health", "/api/overview"]));
  });

  it("has a graph view ask for its answer once its chunk has loaded, without a timer", { timeout: 90_000 }, async () => {
    const held = await shownWithoutTimers(`/trace?from=${encodeURIComponent("system:kentico")}`, (p) => p.waitForRequest((r) => new URL(r.url()).pathname === "/api/trace"));
    expect(held).toEqual(new Set(["/api/health", "/api/overview"]));
  });
});
