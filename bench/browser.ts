/**
 * The browser half of the benchmark: headless Chromium (Debian's, through playwright-core) opens a view and we
 * time from navigation start to a drawn, laid-out graph (GraphCanvas sets `data-drawn` once its layout is on
 * the canvas; two animation frames later the frame with it has been painted), then count frames while panning.
 */
import { existsSync } from "node:fs";

import { chromium, type Browser, type Page } from "playwright-core";

import { median } from "./stats.js";

export const CHROMIUM = "/usr/bin/chromium";
const VIEWPORT = { width: 1440, height: 900 };

export interface DrawTiming {
  url: string;
  /** Elements in the API answer (nodes + edges). */
  apiElements: number;
  /** Elements the client drew (after its own merging and filtering), from `data-drawn`. */
  drawnElements: number;
  /** Median ms from navigation start to the painted graph, over `runs`; null when no run drew within the timeout. */
  ms: number | null;
  runs: number[];
  /** Why a run failed (a timeout on a big graph), when one did. */
  error?: string;
  renderer: "webgl" | "canvas";
  /**
   * Where the last run's time went, ms since navigation start: the API answers received (all; the view's own first
   * request sent and answered), when the route's view was shown, and the client's marks
   * (graph:model → toModel, graph:layout → layout started, graph:laid-out, graph:added → on the canvas, graph:viewed →
   * fitted). Absent for a client without the marks.
   */
  phases?: Record<string, number>;
}

/** What `timeDraw` waits for by default: GraphCanvas's drawn graph (`data-drawn` counts its elements). */
const GRAPH_DRAWN = '[data-testid="graph"][data-drawn]';

/**
 * Runs in the page before its scripts: records when the first element matching `selector` was drawn (ms since
 * navigation start; an element without `data-drawn`, a list, counts as drawn when it appears), and when the route's
 * view replaced the shell's "Loading the view…" in `main` (`view shown`, the moment a view can ask for its answer).
 * Page scripts are strings: tsx compiles functions with name helpers that do not exist in the page.
 */
const recordDrawn = (selector: string) => `
  new MutationObserver(() => {
    const main = document.querySelector("main.content");
    if (window.__viewShown === undefined && main && main.firstElementChild && !(main.textContent || "").includes("Loading the view")) {
      window.__viewShown = performance.now();
    }
    const el = document.querySelector(${JSON.stringify(selector)});
    const count = el ? Number(el.getAttribute("data-drawn") ?? 1) : 0;
    if (!el || count === 0 || window.__drawnSeen) return;
    window.__drawnSeen = true;
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__drawn = { at: performance.now(), count }; }));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-drawn"], childList: true });
`;

/** Counts animation frames until `window.__counting` is cleared. */
const COUNT_FRAMES = `
  window.__frames = 0;
  window.__counting = true;
  (function tick() {
    if (!window.__counting) return;
    window.__frames++;
    requestAnimationFrame(tick);
  })();
`;

/**
 * Grows the drawn graph to `target` elements with copies of its own nodes and edges, placed below it, then fits:
 * the API caps answers at 500 nodes, so no view at M has 3,000 elements, yet panning must be measured at that size.
 * The renderer stays the one the app chose for the view.
 */
const padTo = (target: number) => `(() => {
  const cy = document.querySelector('[data-testid="graph"]')._cyreg.cy;
  const base = cy.elements().length;
  const bb = cy.elements().boundingBox();
  const originals = cy.elements().jsons();
  const nodes = originals.filter((j) => j.group === "nodes");
  const edges = originals.filter((j) => j.group === "edges");
  const add = [];
  const ids = new Set();
  for (let k = 1; base + add.length < ${target} && k < 50; k++) {
    for (const j of nodes) {
      if (base + add.length >= ${target}) break;
      const id = j.data.id + "#" + k;
      ids.add(id);
      add.push({ group: "nodes", data: { ...j.data, id }, classes: j.classes, position: { x: j.position.x, y: j.position.y + k * (bb.h + 120) } });
    }
    for (const j of edges) {
      if (base + add.length >= ${target}) break;
      const source = j.data.source + "#" + k, tgt = j.data.target + "#" + k;
      if (!ids.has(source) || !ids.has(tgt)) continue;
      add.push({ group: "edges", data: { ...j.data, id: j.data.id + "#" + k, source, target: tgt }, classes: j.classes });
    }
  }
  cy.add(add);
  cy.minZoom(1e-3);
  cy.fit(undefined, 32);
  return cy.elements().length;
})()`;

/** Cytoscape's WebGL renderer draws on a canvas with a WebGL context (asking a 2D canvas for one returns null). */
const PHASES = `(() => {
  const out = {};
  const api = performance.getEntriesByType("resource").filter((r) => r.name.includes("/api/") && !r.name.includes("/api/health"));
  if (api.length) out["api answered"] = Math.round(Math.max(...api.map((r) => r.responseEnd)));
  // The view's own first request, where it is not one the shell makes too (the overview's is the shell's).
  const own = api.filter((r) => !new URL(r.name).pathname.startsWith("/api/overview")).sort((a, b) => a.startTime - b.startTime)[0];
  if (own) { out["view asked"] = Math.round(own.startTime); out["view answered"] = Math.round(own.responseEnd); }
  if (window.__viewShown !== undefined) out["view shown"] = Math.round(window.__viewShown);
  for (const m of performance.getEntriesByType("mark")) if (m.name.startsWith("graph:")) out[m.name] = Math.round(m.startTime);
  return out;
})()`;

const USES_WEBGL = `[...document.querySelectorAll('[data-testid="graph"] canvas')].some((c) => c.getContext("webgl2") !== null)`;

export class BenchBrowser {
  private constructor(
    private readonly browser: Browser,
    private readonly base: string,
  ) {}

  static available(): boolean {
    return existsSync(CHROMIUM);
  }

  static async launch(base: string): Promise<BenchBrowser> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      // No --disable-gpu: without a GPU, Chromium then gives WebGL 2 through SwiftShader, so the app's WebGL path runs
      // headless as it would for a user (with --disable-gpu it has no WebGL and the app falls back to the 2D canvas).
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    return new BenchBrowser(browser, base);
  }

  private async open(url: string, timeoutMs: number, before?: (page: Page) => Promise<void>, drawn = GRAPH_DRAWN): Promise<{ page: Page; at: number; count: number }> {
    // The app's CSP forbids eval; the measuring scripts are ours, not the page's.
    const page = await this.browser.newPage({ viewport: VIEWPORT, bypassCSP: true });
    page.on("pageerror", (e) => console.error(`[browser] ${e.message}`));
    await page.addInitScript(recordDrawn(drawn));
    await before?.(page);
    await page.goto(this.base + url);
    const handle = await page.waitForFunction("window.__drawn", undefined, { timeout: timeoutMs, polling: 100 });
    const seen = (await handle.jsonValue()) as { at: number; count: number };
    return { page, ...seen };
  }

  /**
   * Navigation → painted graph, `runs` times in fresh pages (each loads the app and its data again); with `drawn`, to
   * the painted element that selector matches instead (a view without a graph: `[data-testid="vendors-list"]`).
   */
  async timeDraw(url: string, apiElements: number, runs: number, timeoutMs = 120_000, drawn = GRAPH_DRAWN): Promise<DrawTiming> {
    const times: number[] = [];
    let drawnElements = 0;
    let renderer: DrawTiming["renderer"] = "canvas";
    let error: string | undefined;
    let phases: Record<string, number> | undefined;
    for (let i = 0; i < runs && !error; i++) {
      try {
        const { page, at, count } = await this.open(url, timeoutMs, undefined, drawn);
        times.push(Math.round(at));
        drawnElements = count;
        renderer = await rendererOf(page);
        phases = { ...(await page.evaluate<Record<string, number>>(PHASES)), painted: Math.round(at) };
        await page.close();
      } catch (err) {
        // A graph that does not draw within the timeout is a result (a miss), not a reason to lose the others.
        error = (err as Error).message.split("\n")[0]!;
        await Promise.all(this.browser.contexts().map((c) => c.close()));
      }
    }
    return { url, apiElements, drawnElements, ms: times.length > 0 ? median(times) : null, runs: times, renderer, ...(phases ? { phases } : {}), ...(error ? { error } : {}) };
  }

  /**
   * One navigation → painted graph under Chromium's performance trace (what DevTools' Performance panel records:
   * network, main thread and workers, the `graph:*` marks), written to `file`; returns the time as `timeDraw` counts it.
   */
  async traceDraw(url: string, file: string, timeoutMs = 120_000, drawn = GRAPH_DRAWN): Promise<number> {
    const { page, at } = await this.open(url, timeoutMs, (p) => this.browser.startTracing(p, { path: file, screenshots: false }), drawn);
    await this.browser.stopTracing();
    await page.close();
    return Math.round(at);
  }

  /**
   * Frames per second while the user drags the view around: mouse drags over the graph (as a user pans),
   * counting requestAnimationFrame callbacks in the page for `seconds`.
   */
  async panFps(url: string, seconds: number, target?: number): Promise<{ fps: number; frames: number; ms: number; renderer: DrawTiming["renderer"]; drawnElements: number }> {
    const opened = await this.open(url, 120_000);
    const page = opened.page;
    const count = target ? await page.evaluate<number>(padTo(target)) : opened.count;
    if (target) await page.waitForTimeout(500);
    const box = await page.locator('[data-testid="graph"]').boundingBox();
    if (!box) throw new Error("no graph on the page");
    await page.evaluate(COUNT_FRAMES);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const started = performance.now();
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    let t = 0;
    while (performance.now() - started < seconds * 1000) {
      t += 0.15;
      await page.mouse.move(cx + Math.cos(t) * box.width * 0.3, cy + Math.sin(t * 1.3) * box.height * 0.3, { steps: 2 });
    }
    await page.mouse.up();
    const frames = await page.evaluate<number>("window.__counting = false; window.__frames");
    const ms = performance.now() - started;
    const renderer = await rendererOf(page);
    await page.close();
    return { fps: Math.round((frames / ms) * 1000 * 10) / 10, frames, ms: Math.round(ms), renderer, drawnElements: count };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

async function rendererOf(page: Page): Promise<DrawTiming["renderer"]> {
  return (await page.evaluate(USES_WEBGL)) ? "webgl" : "canvas";
}
