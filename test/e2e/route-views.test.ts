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

import { graphDrawn, useBrowser } from "../support/browser.js";

const ui = useBrowser();

/**
 * Opens `url` with the page's timers stopped and the shell's answers (database status, systems, and `alsoHeld`) held, and waits for
 * `shown` (watched from before the navigation, so nothing is missed); returns the paths of the held requests.
 */
async function shownWithoutTimers(url: string, shown: (page: Page) => Promise<unknown>, alsoHeld: readonly string[] = []): Promise<Set<string>> {
  const held: Route[] = [];
  let seen: Promise<unknown> = Promise.resolve();
  const page = await ui.open(url, {
    before: async (p) => {
      const now = Date.now();
      await p.clock.install({ time: now });
      await p.clock.pauseAt(now + 1000);
      await p.route((u) => u.pathname === "/api/health" || u.pathname === "/api/overview" || alsoHeld.includes(u.pathname), (route) => void held.push(route));
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

  it("shows a graph view once its chunk has loaded, without a timer", { timeout: 90_000 }, async () => {
    // The trace's answer is held too (the page asks for it beside the view's code): the view shows its own loading state.
    const held = await shownWithoutTimers(`/trace?from=${encodeURIComponent("system:kentico")}`, (p) => p.getByText("Loading the trace…").waitFor(), ["/api/trace"]);
    expect(held).toEqual(new Set(["/api/health", "/api/overview", "/api/trace"]));
  });
});

describe("a trace or a where checklist opened from a link", () => {
  /**
   * Opens `url` with the view's chunk held until its answer has been asked for; returns how many times the answer's
   * path was asked in all, once `drawn` has happened.
   */
  async function askedBeforeItsCode(url: string, chunk: RegExp, answer: string, drawn: (page: Page) => Promise<unknown>): Promise<number> {
    const asked: string[] = [];
    let answerAsked: Promise<unknown> = Promise.resolve();
    const page = await ui.open(url, {
      before: async (p) => {
        p.on("request", (r) => {
          if (new URL(r.url()).pathname === answer) asked.push(r.url());
        });
        answerAsked = p.waitForRequest((r) => new URL(r.url()).pathname === answer);
        // The view's code arrives only once its answer has been asked for: a view that asked only when shown would never be.
        await p.route((u) => chunk.test(u.pathname), async (route) => {
          await answerAsked;
          await route.continue();
        });
      },
    });
    await answerAsked;
    await drawn(page);
    expect(page.errors).toEqual([]);
    await page.close();
    return asked.length;
  }

  it("asks for the trace's answer beside the view's code, and the view takes that answer instead of asking again", { timeout: 90_000 }, async () => {
    const asked = await askedBeforeItsCode(`/trace?from=${encodeURIComponent("system:kentico")}`, /\/assets\/TraceView-[^/]*\.js$/, "/api/trace", graphDrawn);
    expect(asked).toBe(1);
  });

  it("asks for the where checklist beside the view's code, and the view takes that answer", { timeout: 90_000 }, async () => {
    const asked = await askedBeforeItsCode(`/where?category=${encodeURIComponent("category:email-address")}&system=kentico`, /\/assets\/WhereView-[^/]*\.js$/, "/api/where", (p) => p.getByTestId("where-list").waitFor({ timeout: 60_000 }));
    expect(asked).toBe(1);
  });
});
