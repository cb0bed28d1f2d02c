/**
 * DPIA figures (issue 9, items 1 and 2) in headless Debian Chromium against the real API and a seeded Neo4j:
 * each exported figure, printed 25 cm wide, has no text under 6 pt; the SVG holds every node label the PNG
 * draws as real text, renders in Chromium without errors and uses an embedded font; on screen the first fit
 * draws no label under 9 px. The exports and a rendering of each SVG are left in test-results/screenshots/.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { Core } from "cytoscape";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { OverviewResponse, ReferencedByResponse } from "../../server/src/contract/api.js";
import { ids, parseColumnKey } from "../../server/src/contract/ids.js";
import { graphDrawn, launchChromium, listen, SHOTS, VIEWPORT, type Server } from "../support/browser.js";
import { testApp } from "../support/graph.js";

/** 6 pt (1 pt = 2.54 / 72 cm) on a figure printed 25 cm wide: smallest font px ÷ figure width px. */
const MIN_FONT_RATIO = (6 * 2.54) / 72 / 25;

let browser: Browser;
let server: Server;
let base: string;

beforeAll(async () => {
  ({ server, base } = await listen(testApp()));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function apiJson<T>(url: string): Promise<T> {
  const res = await fetch(`${base}${url}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/**
 * Asks the API until it answers 200: on the shared test machine a cold query can outlast the API's timeout (503),
 * and the view would then show its error state instead of the graph under test.
 */
async function answered(apiUrl: string): Promise<void> {
  await expect.poll(async () => (await fetch(`${base}${apiUrl}`)).status, { timeout: 90_000, interval: 2000 }).toBe(200);
}

/** Opens a page that records every console error and uncaught exception. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT, acceptDownloads: true });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}${url}`);
  return { page, errors };
}

type Figure = { format: "png" | "svg"; nodes: { id: string; label: string }[]; edgeLabels: string[] };

/** Clicks an export button; returns the saved file and the labels the figure drew (see export.ts). */
async function exportAs(page: Page, format: "PNG" | "SVG", name: string): Promise<{ file: string; figure: Figure }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: `Export ${format}` }).click()]);
  const file = path.join(SHOTS, `${name}.${format.toLowerCase()}`);
  await download.saveAs(file);
  const figure = await page.evaluate(() => (window as unknown as { __lastFigure: Figure }).__lastFigure);
  return { file, figure };
}

/** The smallest label size on screen after the first fit, in CSS pixels (Cytoscape's own zoom × font size). */
async function smallestLabelOnScreen(page: Page): Promise<number> {
  return page.evaluate(() => {
    // Test-only: Cytoscape registers its instance on the container element.
    const cy = (document.querySelector('[data-testid="graph"]') as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    let min = Infinity;
    cy.elements().forEach((el) => {
      if (el.style("label")) min = Math.min(min, parseFloat(el.style("font-size") as string));
    });
    return min * cy.zoom();
  });
}

interface SvgReading {
  width: number;
  height: number;
  fontSizes: number[];
  nodes: { id: string; lines: string[]; w: number }[];
  edgeLabels: string[];
  shapes: number;
  fontLoaded: boolean;
  desc: string;
}

/** Opens the exported SVG itself in Chromium, reads it through the DOM and leaves a rendering beside it. */
async function readSvg(file: string): Promise<{ svg: SvgReading; errors: string[] }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(pathToFileURL(file).href);
  // Wait for the embedded font (returning the FontFaceSet itself would not serialise).
  await page.evaluate(async () => {
    await document.fonts.ready;
    return true;
  });
  const svg = await page.evaluate(() => {
    const root = document.documentElement as unknown as SVGSVGElement;
    const texts = [...root.querySelectorAll("text")];
    return {
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      fontSizes: texts.map((t) => parseFloat(getComputedStyle(t).fontSize)),
      nodes: [...root.querySelectorAll("g.node")].map((g) => ({
        id: g.getAttribute("data-id") ?? "",
        lines: [...g.querySelectorAll("tspan")].map((s) => s.textContent ?? ""),
        w: g.querySelector<SVGTextElement>("text")?.getBBox().width ?? 0,
      })),
      edgeLabels: [...root.querySelectorAll("g.edge-label text")].map((t) => [...t.querySelectorAll("tspan")].map((s) => s.textContent).join("\n")),
      shapes: root.querySelectorAll("g.node > path").length,
      fontLoaded: document.fonts.check('500 12px "Inter Variable"') && [...document.fonts].some((f) => f.family.includes("Inter") && f.status === "loaded"),
      desc: root.querySelector("desc")?.textContent ?? "",
    };
  });
  await page.setViewportSize({ width: Math.min(4000, Math.ceil(svg.width)), height: Math.min(4000, Math.ceil(svg.height)) });
  await page.screenshot({ path: file.replace(/\.svg$/, ".svg-rendered.png"), timeout: 120_000 });
  await page.close();
  return { svg, errors };
}

/**
 * Exports the view on `url` as PNG and SVG and checks both: legible at 25 cm, the same nodes and labels,
 * every node label a <text>, no console errors. Returns the SVG reading for view-specific checks.
 */
async function checkExports(url: string, apiUrl: string, name: string): Promise<SvgReading> {
  await answered(apiUrl);
  const { page, errors } = await open(url);
  await graphDrawn(page);
  expect(await smallestLabelOnScreen(page)).toBeGreaterThanOrEqual(9 - 1e-6);
  await page.screenshot({ path: path.join(SHOTS, `${name}-screen.png`), timeout: 120_000 });

  // Console errors while exporting (a busy API can fail the page's other requests before this point).
  errors.length = 0;
  const png = await exportAs(page, "PNG", name);
  const pngBytes = readFileSync(png.file);
  expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const svgExport = await exportAs(page, "SVG", name);
  expect(errors).toEqual([]);
  const screenNodes = await page.evaluate(() => {
    const cy = (document.querySelector('[data-testid="graph"]') as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    return cy.nodes().map((n) => n.id());
  });
  await page.close();

  const { svg, errors: svgErrors } = await readSvg(svgExport.file);
  expect(svgErrors).toEqual([]);

  // Legible on paper: smallest text ÷ figure width ≥ 6 pt ÷ 25 cm.
  const ratio = Math.min(...svg.fontSizes) / svg.width;
  writeFileSync(path.join(SHOTS, `${name}.fit.txt`), `${url}\n${svg.width} × ${svg.height} px, smallest text ${Math.min(...svg.fontSizes)} px, ratio ${ratio.toFixed(5)} (≥ ${MIN_FONT_RATIO.toFixed(5)})\n${svg.desc}\n`);
  expect(ratio).toBeGreaterThanOrEqual(MIN_FONT_RATIO);

  // The same picture: the PNG's nodes are the screen's, and the SVG draws each with the PNG's label, as text.
  expect(png.figure.nodes.map((n) => n.id).sort()).toEqual([...screenNodes].sort());
  expect(svg.nodes.map((n) => n.id).sort()).toEqual(png.figure.nodes.map((n) => n.id).sort());
  const pngLabels = new Map(png.figure.nodes.map((n) => [n.id, n.label.split("\n")]));
  for (const n of svg.nodes) {
    expect(n.lines, n.id).toEqual(pngLabels.get(n.id));
    expect(n.w, `${n.id} renders`).toBeGreaterThan(0);
  }
  expect(svg.shapes).toBe(svg.nodes.length);
  expect(svg.edgeLabels.sort()).toEqual([...png.figure.edgeLabels].sort());
  expect(svg.fontLoaded).toBe(true);
  return svg;
}

describe("Export PNG / Export SVG of each built-in system's trace", () => {
  it("prints legibly at 25 cm, and the SVG holds every node, shape and label of the PNG as text", { timeout: 900_000 }, async () => {
    // The overview's first query can outlast the API's timeout while the shared machine is busy: ask again.
    let overview: OverviewResponse | null = null;
    await expect
      .poll(async () => {
        const res = await fetch(`${base}/api/overview`);
        if (res.ok) overview = (await res.json()) as OverviewResponse;
        return res.status;
      }, { timeout: 60_000, interval: 2000 })
      .toBe(200);
    if (!overview) throw new Error("no overview");
    expect((overview as OverviewResponse).systems.length).toBeGreaterThanOrEqual(4);
    let countries = 0;
    // The overview's system ids are node ids already (system:kentico).
    for (const s of (overview as OverviewResponse).systems) {
      const svg = await checkExports(`/trace?from=${encodeURIComponent(s.id)}`, `/api/trace?from=${encodeURIComponent(s.id)}`, `figure-trace-${s.id.replace(/^system:/, "")}`);
      expect(svg.nodes.length).toBeGreaterThan(3);
      // Country diamonds (lost by the old SVG export) are drawn, each with its name as text.
      const drawn = svg.nodes.filter((n) => n.id.startsWith("location:"));
      expect(drawn.every((n) => n.lines[0] && n.w > 0)).toBe(true);
      countries += drawn.length;
    }
    expect(countries).toBeGreaterThan(0);
  });
});

describe("Export of the Kentico registration source's trace", () => {
  it("prints legibly at 25 cm, with column labels that drop the table prefix the picture shows", { timeout: 300_000 }, async () => {
    const svg = await checkExports(
      `/trace?from=${encodeURIComponent(ids.source("kentico", "users-registration"))}`,
      `/api/trace?from=${encodeURIComponent(ids.source("kentico", "users-registration"))}`,
      "figure-trace-kentico-registration",
    );
    const columns = svg.nodes.filter((n) => n.id.startsWith("column:"));
    expect(columns.length).toBeGreaterThan(10);
    // CMS_User is drawn (the source feeds it): its columns go without the prefix. A column keeps its table's name
    // exactly when the picture does not draw that table, so a reader knows where it is (a copy whose columns are not
    // stated draws both its tables, e.g. COM_Customer).
    expect(columns.filter((n) => /^CMS_User\./.test(n.lines.join(""))).map((n) => n.id)).toEqual([]);
    const tables = new Set(svg.nodes.filter((n) => n.id.startsWith("table:")).map((n) => n.id));
    expect(tables.has("table:kentico/COM_Customer")).toBe(true);
    for (const c of columns) {
      const key = parseColumnKey(c.id.slice("column:".length))!;
      expect(c.lines.join("").startsWith(`${key.table}.`), c.id).toBe(!tables.has(ids.table(key.system, key.table)));
    }
  });
});

describe("Export of /tables/CMS_User/referenced-by", () => {
  it("fits one A4 page (landscape or portrait) without text under 6 pt", { timeout: 300_000 }, async () => {
    const api = await apiJson<ReferencedByResponse>("/api/tables/CMS_User/referenced-by");
    const svg = await checkExports("/tables/CMS_User/referenced-by", "/api/tables/CMS_User/referenced-by", "figure-referenced-by-CMS_User");
    expect(svg.desc).toMatch(/^Fits one A4 page/);
    // Every referencing table is drawn, and every referencing column is on a label.
    const drawn = svg.nodes.map((n) => n.lines.join(""));
    for (const r of api.referencedBy) expect(drawn).toContain(r.table);
    const cols = svg.edgeLabels.join(", ").replace(/\n/g, " ");
    for (const r of api.referencedBy) for (const c of r.columns) expect(cols).toContain(c);
  });
});
