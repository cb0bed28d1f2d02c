/**
 * Checks of the figures a DPO downloads (PNG and SVG), shared by the export tests: each figure printed 25 cm wide has no
 * text under 6 pt; the SVG holds every node label as real text, renders in Chromium without errors and uses an embedded
 * font; the downloaded PNG and SVG are the same picture; on screen the first fit draws no label under 9 px.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

import type { Core } from "cytoscape";
import type { Page } from "playwright-core";
import { expect } from "vitest";

import { graphDrawn, SHOTS, VIEWPORT, WAIT_MS, type BrowserHarness } from "./browser.js";

export interface SvgReading {
  width: number;
  height: number;
  fontSizes: number[];
  nodes: { id: string; lines: string[]; w: number }[];
  edgeLabels: string[];
  shapes: number;
  /** Every `<text>` of the SVG, as its lines (tspans, or the text itself), each marked when it is a badge line. */
  texts: { lines: string[]; badge: boolean[] }[];
  /** Each node's label box against its shape: the corners of the box (1 px out) outside the fill or on the border. */
  labelFits: { id: string; text: { x: number; y: number; w: number; h: number }; shape: { x: number; y: number; w: number; h: number }; touching: number }[];
  fontLoaded: boolean;
  desc: string;
}

export function figureChecks(ui: BrowserHarness) {
/** 6 pt (1 pt = 2.54 / 72 cm) on a figure printed 25 cm wide: smallest font px ÷ figure width px. */
const MIN_FONT_RATIO = (6 * 2.54) / 72 / 25;

async function apiJson<T>(url: string): Promise<T> {
  const res = await fetch(`${ui.base}${url}`);
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

/**
 * Asks the API until it answers 200: on the shared test machine a cold query can outlast the API's timeout (503),
 * and the view would then show its error state instead of the graph under test.
 */
async function answered(apiUrl: string): Promise<void> {
  await expect.poll(async () => (await fetch(`${ui.base}${apiUrl}`)).status, { timeout: WAIT_MS, interval: 2000 }).toBe(200);
}

/** Clicks an export button and saves the file the browser downloads, as a user would. */
async function exportAs(page: Page, format: "PNG" | "SVG", name: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: `Export ${format}` }).click()]);
  const file = path.join(SHOTS, `${name}.${format.toLowerCase()}`);
  await download.saveAs(file);
  return file;
}

/**
 * How far two downloaded pictures differ, as a person would compare them side by side: both drawn by Chromium at the
 * same size (600 px wide), in grey, averaged over 10 × 10 px cells (so anti-aliasing and a pixel of offset do not count), as the mean difference per cell
 * (0 = the same picture, 1 = black against white). `mirror` flips the second one, for a picture known to differ.
 */
async function pictureDistance(pngFile: string, svgFile: string, mirror = false): Promise<number> {
  const page = await ui.browser.newPage();
  try {
    const png = `data:image/png;base64,${readFileSync(pngFile).toString("base64")}`;
    const svg = `data:image/svg+xml;base64,${readFileSync(svgFile).toString("base64")}`;
    return await page.evaluate(
      async ({ png, svg, mirror }) => {
        const load = (src: string) =>
          new Promise<HTMLImageElement>((resolve, reject) => {
            const img = new Image();
            img.onload = () => resolve(img);
            img.onerror = () => reject(new Error(`cannot draw ${src.slice(0, 30)}`));
            img.src = src;
          });
        const [a, b] = [await load(png), await load(svg)];
        const w = 600;
        const h = Math.round((w * b.naturalHeight) / b.naturalWidth);
        const grey = (img: HTMLImageElement, flip: boolean) => {
          const c = document.createElement("canvas");
          c.width = w;
          c.height = h;
          const ctx = c.getContext("2d")!;
          ctx.fillStyle = "#fff";
          ctx.fillRect(0, 0, w, h);
          if (flip) {
            ctx.translate(w, 0);
            ctx.scale(-1, 1);
          }
          ctx.drawImage(img, 0, 0, w, h);
          const d = ctx.getImageData(0, 0, w, h).data;
          const cell = 10;
          const cells: number[] = [];
          for (let y = 0; y + cell <= h; y += cell) {
            for (let x = 0; x + cell <= w; x += cell) {
              let sum = 0;
              for (let yy = y; yy < y + cell; yy++) for (let xx = x; xx < x + cell; xx++) {
                const i = (yy * w + xx) * 4;
                sum += (d[i]! + d[i + 1]! + d[i + 2]!) / (3 * 255);
              }
              cells.push(sum / (cell * cell));
            }
          }
          return cells;
        };
        const ga = grey(a, false);
        const gb = grey(b, mirror);
        return ga.reduce((acc, v, i) => acc + Math.abs(v - gb[i]!), 0) / ga.length;
      },
      { png, svg, mirror },
    );
  } finally {
    await page.close();
  }
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


/** Opens the exported SVG itself in Chromium, reads it through the DOM and leaves a rendering beside it. */
async function readSvg(file: string): Promise<{ svg: SvgReading; errors: string[] }> {
  const page = await ui.browser.newPage({ viewport: VIEWPORT });
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
      texts: [...root.querySelectorAll("text")].map((t) => {
        const spans = [...t.querySelectorAll("tspan")];
        return spans.length ? { lines: spans.map((s) => s.textContent ?? ""), badge: spans.map((s) => s.classList.contains("badge")) } : { lines: [t.textContent ?? ""], badge: [false] };
      }),
      labelFits: [...root.querySelectorAll("g.node")].flatMap((g) => {
        const shape = g.querySelector<SVGPathElement>(":scope > path");
        const text = g.querySelector<SVGTextElement>(":scope > text");
        if (!shape || !text) return [];
        // The shape is drawn from (0, 0) and moved by -w/2, -h/2 (its transform); the text is centred on (0, 0).
        const m = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(shape.getAttribute("transform") ?? "");
        const dx = -Number(m?.[1] ?? 0);
        const dy = -Number(m?.[2] ?? 0);
        const b = text.getBBox();
        const s = shape.getBBox();
        const corners = [
          [b.x - 1, b.y - 1],
          [b.x + b.width + 1, b.y - 1],
          [b.x - 1, b.y + b.height + 1],
          [b.x + b.width + 1, b.y + b.height + 1],
        ].map(([x, y]) => new DOMPoint(x! + dx, y! + dy));
        const touching = corners.filter((p) => !shape.isPointInFill(p) || shape.isPointInStroke(p)).length;
        return [{ id: g.getAttribute("data-id") ?? "", text: { x: b.x + dx, y: b.y + dy, w: b.width, h: b.height }, shape: { x: s.x, y: s.y, w: s.width, h: s.height }, touching }];
      }),
      fontLoaded: document.fonts.check('500 12px "Inter Variable"') && [...document.fonts].some((f) => f.family.includes("Inter") && f.status === "loaded"),
      desc: root.querySelector("desc")?.textContent ?? "",
    };
  });
  await page.setViewportSize({ width: Math.min(4000, Math.ceil(svg.width)), height: Math.min(4000, Math.ceil(svg.height)) });
  await page.screenshot({ path: file.replace(/\.svg$/, ".svg-rendered.png") });
  await page.close();
  return { svg, errors };
}

/**
 * Exports the view on `url` as PNG and SVG and checks both: legible at 25 cm, the same nodes and labels,
 * every node label a <text>, no console errors. Returns the SVG reading for view-specific checks.
 */
async function checkExports(url: string, apiUrl: string, name: string): Promise<SvgReading> {
  await answered(apiUrl);
  const page = await ui.open(url);
  const errors = page.errors;
  await graphDrawn(page);
  expect(await smallestLabelOnScreen(page)).toBeGreaterThanOrEqual(9 - 1e-6);
  await page.screenshot({ path: path.join(SHOTS, `${name}-screen.png`) });

  // Console errors while exporting (a busy API can fail the page's other requests before this point).
  errors.length = 0;
  const pngFile = await exportAs(page, "PNG", name);
  const pngBytes = readFileSync(pngFile);
  expect([...pngBytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const svgFile = await exportAs(page, "SVG", name);
  expect(errors).toEqual([]);
  const screenNodes = await page.evaluate(() => {
    const cy = (document.querySelector('[data-testid="graph"]') as unknown as { _cyreg: { cy: Core } })._cyreg.cy;
    return cy.nodes().map((n) => n.id());
  });
  await page.close();

  const { svg, errors: svgErrors } = await readSvg(svgFile);
  expect(svgErrors).toEqual([]);

  // Legible on paper: smallest text ÷ figure width ≥ 6 pt ÷ 25 cm.
  const ratio = Math.min(...svg.fontSizes) / svg.width;
  // The same picture in both downloads: the PNG looks like the SVG drawn at its size (and unlike the SVG mirrored).
  const same = await pictureDistance(pngFile, svgFile);
  const other = await pictureDistance(pngFile, svgFile, true);
  writeFileSync(
    path.join(SHOTS, `${name}.fit.txt`),
    `${url}\n${svg.width} × ${svg.height} px, smallest text ${Math.min(...svg.fontSizes)} px, ratio ${ratio.toFixed(5)} (≥ ${MIN_FONT_RATIO.toFixed(5)})\n${svg.desc}\nPNG vs SVG distance ${same.toFixed(4)} (mirrored ${other.toFixed(4)})\n`,
  );
  expect(ratio).toBeGreaterThanOrEqual(MIN_FONT_RATIO);
  expect(same).toBeLessThan(0.02);
  // Measured: 0.005–0.011 for the same figure, 0.035–0.066 mirrored; a different picture is far from the same one.
  expect(same).toBeLessThan(other / 2.5);

  // Every node on screen is in the SVG, drawn with its label as text.
  expect(svg.nodes.map((n) => n.id).sort()).toEqual([...screenNodes].sort());
  for (const n of svg.nodes) {
    expect(n.lines.join("").length, n.id).toBeGreaterThan(0);
    expect(n.w, `${n.id} renders`).toBeGreaterThan(0);
  }
  expect(svg.shapes).toBe(svg.nodes.length);

  // On paper, every label reads as words: a line ends only at a space or an underscore, or the next starts a
  // capitalised word (a break inside an identifier) or a badge (the transfer status under a name).
  const breaks = svg.texts.flatMap((t) => t.lines.slice(1).map((next, i) => ({ line: t.lines[i]!, next, badge: t.badge[i + 1]! && !t.badge[i]! })));
  expect(breaks.length, "some label is wrapped").toBeGreaterThan(0);
  expect(breaks.filter((b) => !(/[ _]$/.test(b.line) || /^[A-Z]/.test(b.next) || b.badge)).map((b) => `${b.line}|${b.next}`)).toEqual([]);
  // ... and clears its shape's border: its box lies inside the shape's box, its corners inside the shape itself.
  expect(svg.labelFits.length).toBe(svg.nodes.length);
  for (const f of svg.labelFits) {
    expect(f.text.x >= f.shape.x && f.text.y >= f.shape.y && f.text.x + f.text.w <= f.shape.x + f.shape.w && f.text.y + f.text.h <= f.shape.y + f.shape.h, `${f.id}: label box inside the shape's box`).toBe(true);
    expect(f.touching, `${f.id}: label corners on or outside its shape`).toBe(0);
  }
  expect(svg.fontLoaded).toBe(true);
  return svg;
}


  return { apiJson, checkExports };
}
