/**
 * The one browser harness: Debian's Chromium (never a downloaded one) against the app on a free port. Every e2e file
 * takes `useBrowser()` (which starts the app and the browser for the file and stops them after it), opens pages with
 * `open` and waits for a drawn graph with `graphDrawn`. Every wait has the same limit, WAIT_MS: a test waits for
 * what the app says it has done (a drawn graph, an answer), never for a fixed time.
 */
import { existsSync, mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";

import type { Express } from "express";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

import { testApp } from "./graph.js";
import { REPO_ROOT } from "../../server/src/inventory/paths.js";

export const CHROMIUM = "/usr/bin/chromium";
export const SHOTS = path.join(REPO_ROOT, "test-results", "screenshots");
export const VIEWPORT = { width: 1440, height: 900 };
/** The one limit for every wait in a browser test (an element, an answer, a download, a drawn graph). */
export const WAIT_MS = 60_000;

export type Server = ReturnType<Express["listen"]>;

export function listen(app: Express): Promise<{ server: Server; base: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }));
  });
}

/**
 * `gpu: true` leaves out --disable-gpu: without a GPU, Chromium then renders WebGL 2 with SwiftShader, so the app's
 * WebGL renderer can be tested headless (with --disable-gpu there is no WebGL and the app uses the 2D canvas).
 */
export async function launchChromium({ gpu = false }: { gpu?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: the browser tests need it. Install it with: apt-get install -y chromium`);
  }
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", ...(gpu ? [] : ["--disable-gpu"]), "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Another server than the file's app (e.g. one whose database is down). */
  root?: string;
  /** For a test that decodes a screenshot from a data: URL inside the page. */
  bypassCSP?: boolean;
  /** Runs on the new page before it navigates: e.g. `page.route` to hold or change an answer. */
  before?: (page: Page) => Promise<void>;
}

/** A page, with the errors it raised (uncaught exceptions and console errors) for a test to assert on. */
export type OpenedPage = Page & { errors: string[] };

export interface BrowserHarness {
  readonly base: string;
  readonly browser: Browser;
  open(url: string, options?: OpenOptions): Promise<OpenedPage>;
}

/** Starts the app (the run's database unless `app` says otherwise) and one Chromium for this test file. */
export function useBrowser({ app = () => testApp(), gpu = false }: { app?: () => Express; gpu?: boolean } = {}): BrowserHarness {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let base = "";
  beforeAll(async () => {
    ({ server, base } = await listen(app()));
    browser = await launchChromium({ gpu });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });
  return {
    get base() {
      return base;
    },
    get browser() {
      if (!browser) throw new Error("the browser is not started yet (use it inside a test)");
      return browser;
    },
    async open(url, { viewport = VIEWPORT, root, bypassCSP = false, before } = {}) {
      if (!browser) throw new Error("the browser is not started yet (use it inside a test)");
      const page = await browser.newPage({ viewport, acceptDownloads: true, bypassCSP });
      page.setDefaultTimeout(WAIT_MS);
      const errors: string[] = [];
      page.on("pageerror", (e) => {
        errors.push(e.message);
        console.error(`[browser] ${e.message}`);
      });
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      await before?.(page);
      await page.goto(`${root ?? base}${url}`);
      return Object.assign(page, { errors });
    },
  };
}

/**
 * Waits until the graph of the address on screen is laid out and drawn. The screen says which address it draws
 * (`data-location`), so a graph still up from the page being left never counts; the graph says when it is drawn
 * (`aria-busy="false"`, busy again on every new answer); then two animation frames, so the canvas has painted it.
 */
export async function graphDrawn(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const here = location.pathname + location.search;
      const screen = [...document.querySelectorAll<HTMLElement>(".screen[data-location]")].find((s) => s.dataset.location === here);
      return screen?.querySelector('[data-testid="graph"][aria-busy="false"]') != null;
    },
    undefined,
    { timeout: WAIT_MS },
  );
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The app's requests to `pathname` go with these query parameters set instead: e.g. a small first page of a paged answer. */
export async function askWith(page: Page, pathname: string, params: Record<string, string>): Promise<void> {
  await page.route(
    (url) => url.pathname === pathname,
    (route) => {
      const url = new URL(route.request().url());
      for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
      return route.continue({ url: url.toString() });
    },
  );
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
