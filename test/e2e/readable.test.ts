/**
 * Graphs open readable (issue 17, point 2), at 1440 × 900 in headless Debian Chromium against the real API: the
 * overview, a referenced-by view and a source's trace open with every label drawn at 9 px or more, none cut by the
 * canvas's edge unless a "more" hint covers that edge and says how many nodes lie past it; the start is on screen;
 * "Fit" keeps labels at 9 px or more (or says they are hidden and gives counts), with a minimap when the picture
 * does not fit.
 */
import type { Core } from "cytoscape";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";

import { ids } from "../../server/src/contract/ids.js";
import { graphDrawn, shot, useBrowser, WAIT_MS } from "../support/browser.js";

const ui = useBrowser();

interface Reading {
  width: number;
  height: number;
  smallestLabelPx: number;
  /** Nodes whose label box crosses an edge of the canvas, with the edges it crosses. */
  cut: { id: string; label: string; sides: string[] }[];
  /** Nodes wholly on screen. */
  inside: string[];
  /** Each "more" hint shown: its side and the box it covers (canvas coordinates). */
  hints: { side: string; text: string; x1: number; y1: number; x2: number; y2: number }[];
  minimap: boolean;
  labelsHidden: boolean;
}

/** What the canvas shows: read through Cytoscape (test-only: it registers its instance on the container). */
async function readView(page: Page): Promise<Reading> {
  return page.evaluate(() => {
    const el = document.querySelector<HTMLElement>('[data-testid="graph"]')!;
    const cy = (el as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    const box = el.getBoundingClientRect();
    const w = cy.width();
    const h = cy.height();
    let smallest = Infinity;
    const cut: { id: string; label: string; sides: string[] }[] = [];
    const inside: string[] = [];
    cy.elements().forEach((e) => {
      if (e.style("label")) smallest = Math.min(smallest, parseFloat(e.style("font-size") as string) * cy.zoom());
    });
    cy.nodes().forEach((n) => {
      const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      if (b.x2 <= 0 || b.x1 >= w || b.y2 <= 0 || b.y1 >= h) return;
      const sides = [b.x1 < 0 ? "left" : "", b.x2 > w ? "right" : "", b.y1 < 0 ? "top" : "", b.y2 > h ? "bottom" : ""].filter(Boolean);
      if (sides.length) cut.push({ id: n.id(), label: String(n.style("label")), sides });
      else inside.push(n.id());
    });
    const hints = [...document.querySelectorAll<HTMLElement>('[data-testid="more-hint"]')].map((hint) => {
      const r = hint.getBoundingClientRect();
      return { side: hint.dataset.side ?? "", text: hint.textContent ?? "", x1: r.left - box.left, y1: r.top - box.top, x2: r.right - box.left, y2: r.bottom - box.top };
    });
    return { width: w, height: h, smallestLabelPx: smallest, cut, inside, hints, minimap: document.querySelector('[data-testid="minimap"]') !== null, labelsHidden: document.querySelector('[data-testid="labels-hidden"]') !== null };
  });
}

/**
 * Every label drawn at 9 px or more; a label crossing an edge lies, where it crosses, under that edge's "more"
 * hint (which says how many nodes lie past it), and never at the top or left, where a reader starts.
 */
function expectReadable(v: Reading): void {
  expect(v.smallestLabelPx).toBeGreaterThanOrEqual(9 - 1e-6);
  for (const c of v.cut) {
    expect(c.sides.filter((s) => s === "top" || s === "left"), `${c.id} cut at the top or left`).toEqual([]);
    for (const side of c.sides) expect(v.hints.map((h) => h.side), `${c.id} ("${c.label}") cut at the ${side} with no hint`).toContain(side);
  }
  for (const h of v.hints) expect(h.text).toMatch(/more.*\(\d+\)|\(\d+\)/);
  // The hints cover the band where the cut labels are: a hint at the right spans the canvas's right edge, and so on.
  for (const h of v.hints) {
    if (h.side === "right") expect(h.x2).toBeGreaterThanOrEqual(v.width - 1);
    if (h.side === "bottom") expect(h.y2).toBeGreaterThanOrEqual(v.height - 1);
  }
}

async function clickFit(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Fit", exact: true }).click();
  // Fit may animate: wait until the view stops moving (the canvas's hints are measured once a frame after a move).
  let last = "";
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => {
          const cy = (document.querySelector('[data-testid="graph"]') as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
          return JSON.stringify([cy.zoom().toFixed(4), cy.pan().x.toFixed(1), cy.pan().y.toFixed(1)]);
        });
        const still = now === last;
        last = now;
        return still;
      },
      { timeout: WAIT_MS, interval: 300 },
    )
    .toBe(true);
}

const VIEWS = [
  { name: "overview", url: "/", start: null },
  { name: "referenced-by", url: "/tables/CMS_User/referenced-by", start: ids.table("kentico", "CMS_User") },
  { name: "source-trace", url: `/trace?from=${encodeURIComponent(ids.source("kentico", "users-registration"))}`, start: ids.source("kentico", "users-registration") },
] as const;

describe("a graph view opens readable at 1440 × 900", () => {
  for (const view of VIEWS) {
    it(`${view.name}: every label at 9 px or more, none cut by the canvas without a "more" hint there; Fit keeps them readable`, { timeout: 120_000 }, async () => {
      const page = await ui.open(view.url);
      await graphDrawn(page);
      await shot(page, `readable-${view.name}-open`);
      const opened = await readView(page);
      expectReadable(opened);
      // The start is wholly on screen.
      if (view.start) expect(opened.inside).toContain(view.start);
      // A picture that does not fit has the minimap and at least one hint; one that fits has neither.
      expect(opened.minimap).toBe(opened.hints.length > 0);

      await clickFit(page);
      await shot(page, `readable-${view.name}-fit`);
      const fitted = await readView(page);
      if (fitted.labelsHidden) expect(fitted.minimap).toBe(true);
      else expectReadable(fitted);
      expect(page.errors).toEqual([]);
      await page.close();
    });
  }

  it("zoomed out past readable labels, says they are hidden and how many nodes there are, with the minimap", { timeout: 120_000 }, async () => {
    const page = await ui.open(VIEWS[1].url);
    await graphDrawn(page);
    await page.evaluate(() => {
      const cy = (document.querySelector('[data-testid="graph"]') as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
      cy.zoom({ level: cy.zoom() / 3, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    });
    await expect.poll(() => page.getByTestId("labels-hidden").textContent(), { timeout: WAIT_MS }).toMatch(/Labels hidden at this zoom: \d+ nodes, \d+ links/);
    await expect(page.getByTestId("minimap").isVisible()).resolves.toBe(true);
    await clickFit(page);
    await expect.poll(() => page.getByTestId("labels-hidden").count(), { timeout: WAIT_MS }).toBe(0);
    expectReadable(await readView(page));
    await page.close();
  });
});
