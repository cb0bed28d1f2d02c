/**
 * Browser half of the DPIA export. An export is drawn from the print model (printModel.ts), not from the screen:
 * the view's elements are re-labelled for paper, laid out again by ELK with tight spacing, and drawn by a
 * second, off-screen Cytoscape with the print font sizes. The PNG is that Cytoscape's drawing; the SVG is
 * written from the same instance and layout (figureSvg.ts), so both show the same nodes, labels and routes.
 */
import type { Elements } from "@contract/api";
import cytoscape, { type Core } from "cytoscape";

import { runLayout } from "./elkRunner";
import { composeSvg, EXPORT_TEXT, exportFrame, FRAME_MIN_FONT, type ExportMeta } from "./exportDocument";
import { figureSvg } from "./figureSvg";
import { shapePath } from "./kinds";
import { toPatch } from "./layout";
import { anchorEdgeLabels, withLayout } from "./layoutPatch";
import { LEGEND_SWATCH } from "./legend";
import { canvasMeasure } from "./measure";
import { printFit, printModel, PRINT_TEXT, type PrintFit } from "./printModel";
import { buildStylesheet, FONT_FAMILY } from "./stylesheet";

/** Print resolution: 3× CSS pixels (≈ 288 dpi), reduced only where the browser's canvas limits require. */
const PRINT_SCALE = 3;
const MAX_SIDE = 16000;
const MAX_AREA = 180_000_000;

const PRINT_STYLE = buildStylesheet({ nodeFontSize: PRINT_TEXT.NODE_FONT_SIZE, edgeFontSize: PRINT_TEXT.EDGE_FONT_SIZE, minZoomedFontSize: 0 });

/** What is drawn: the view's (filtered) elements and how the view lays them out. */
export interface FigureSpec {
  elements: Elements;
  roots: readonly string[];
  lanes: boolean;
  edgeLabels: boolean;
  /** A star-shaped answer (edges into one node share a port): printed on both sides of its hub. */
  mergeEdges: boolean;
}

export interface FigureExport {
  blob: Blob;
  /** How the figure goes on A4 and how many pages it needs to keep text at 6 pt or more. */
  fit: PrintFit;
  width: number;
  height: number;
}

let fontCss: Promise<string> | null = null;
/** Inter (latin, variable weight) as an embedded WOFF2: loaded only when an SVG is exported. */
function embeddedFont(): Promise<string> {
  fontCss ??= import("@fontsource-variable/inter/files/inter-latin-wght-normal.woff2?inline").then(
    (m: { default: string }) => `@font-face{font-family:"Inter Variable";font-style:normal;font-weight:100 900;src:url(${m.default}) format("woff2");}`,
  );
  return fontCss;
}

/** Lays the figure out and draws it with a Cytoscape in an off-screen container, removed afterwards. */
async function withFigure<T>(spec: FigureSpec, draw: (cy: Core, layout: Awaited<ReturnType<typeof runLayout>>) => Promise<T>): Promise<T> {
  const model = printModel(spec.elements, { roots: spec.roots, edgeLabels: spec.edgeLabels, measure: canvasMeasure });
  const layout = await runLayout(model, { lanes: spec.lanes, mergeEdges: spec.mergeEdges, compact: true, twoSided: !spec.lanes && spec.mergeEdges, sharedOutPorts: spec.lanes });
  const patch = toPatch(layout);
  const container = document.createElement("div");
  container.setAttribute("aria-hidden", "true");
  container.style.cssText = "position:fixed;left:-20000px;top:0;width:1200px;height:900px;pointer-events:none";
  document.body.appendChild(container);
  const cy = cytoscape({ container, style: PRINT_STYLE, elements: withLayout([...model.nodes, ...model.edges], patch), layout: { name: "preset" }, autoungrabify: true, pixelRatio: 1 });
  try {
    anchorEdgeLabels(cy, patch);
    return await draw(cy, layout);
  } finally {
    cy.destroy();
    container.remove();
  }
}

function smallestFont(cy: Core): number {
  let min = FRAME_MIN_FONT;
  cy.elements().forEach((el) => {
    if (el.style("label")) min = Math.min(min, parseFloat(el.style("font-size") as string));
  });
  return min;
}

/** The figure as PNG or SVG, with how it prints. */
export async function exportFigure(format: "png" | "svg", spec: FigureSpec, meta: ExportMeta): Promise<FigureExport> {
  return withFigure(spec, async (cy, layout) => {
    const frame = exportFrame(layout.width, layout.height, meta, canvasMeasure);
    const fit = printFit(frame.width, frame.height, smallestFont(cy));
    if (format === "png") return { blob: await paintPng(cy, meta), fit, width: frame.width, height: frame.height };
    const description = fitSentence(fit);
    const svg = composeSvg(figureSvg(cy, layout, canvasMeasure), meta, canvasMeasure, { fontCss: await embeddedFont(), description });
    return { blob: new Blob([svg], { type: "image/svg+xml" }), fit, width: frame.width, height: frame.height };
  });
}

/** What a reader needs to know before printing the figure. */
export function fitSentence(fit: PrintFit): string {
  const pt = (n: number) => n.toFixed(1).replace(/\.0$/, "");
  if (fit.pages === 1) return `Fits one A4 page (${fit.orientation}) with text of ${pt(fit.onePagePt)} pt or more.`;
  return `Too large for one A4 page at legible size (its smallest text would be ${pt(fit.onePagePt)} pt): print it on ${fit.pages} A4 landscape pages, ${fit.columns > 1 ? `${fit.columns} pages across` : "25 cm wide"}, for text of ${pt(fit.at25cmPt * fit.columns)} pt or more.`;
}

/** The PNG: Cytoscape's drawing of the whole figure at print resolution, framed with title, legend and caption. */
async function paintPng(cy: Core, meta: ExportMeta): Promise<Blob> {
  const bb = cy.elements().boundingBox();
  const probe = exportFrame(bb.w, bb.h, meta, canvasMeasure);
  const scale = Math.max(0.5, Math.min(PRINT_SCALE, MAX_SIDE / probe.width, MAX_SIDE / probe.height, Math.sqrt(MAX_AREA / (probe.width * probe.height))));
  const graphBlob = await cy.png({ output: "blob-promise", full: true, scale, bg: "#FFFFFF" });
  const bitmap = await createImageBitmap(graphBlob);
  const f = exportFrame(bitmap.width / scale, bitmap.height / scale, meta, canvasMeasure);

  const canvas = document.createElement("canvas");
  canvas.width = Math.round(f.width * scale);
  canvas.height = Math.round(f.height * scale);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error("This browser cannot draw the picture (no 2D canvas).");
  ctx.scale(scale, scale);
  ctx.fillStyle = "#FFFFFF";
  ctx.fillRect(0, 0, f.width, f.height);
  ctx.textBaseline = "alphabetic";
  ctx.fillStyle = "#11151C";
  ctx.font = `700 ${EXPORT_TEXT.TITLE_SIZE}px ${FONT_FAMILY}`;
  ctx.fillText(meta.title, f.title.x, f.title.y);
  if (meta.subtitle) {
    ctx.fillStyle = "#4B5563";
    ctx.font = `400 ${EXPORT_TEXT.SUBTITLE_SIZE}px ${FONT_FAMILY}`;
    ctx.fillText(meta.subtitle, f.subtitle.x, f.subtitle.y);
  }
  ctx.drawImage(bitmap, f.graph.x, f.graph.y, f.graph.w, f.graph.h);
  bitmap.close();

  const { w, h, gap, fontSize } = LEGEND_SWATCH;
  for (const item of f.legend.items) {
    ctx.save();
    ctx.translate(f.legend.x + item.x, f.legend.y + item.y);
    ctx.setLineDash(item.dash ? item.dash.split(" ").map(Number) : []);
    ctx.strokeStyle = item.stroke;
    if (item.line) {
      ctx.lineWidth = 1.6;
      ctx.beginPath();
      ctx.moveTo(0, h / 2);
      ctx.lineTo(w - 5, h / 2);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = item.stroke;
      ctx.fill(new Path2D(`M${w - 6} ${h / 2 - 3.5}L${w} ${h / 2}L${w - 6} ${h / 2 + 3.5}Z`));
    } else {
      const p = new Path2D(shapePath(item.shape ?? "rectangle", w, h));
      ctx.fillStyle = item.fill ?? "#FFFFFF";
      ctx.fill(p);
      ctx.lineWidth = item.strokeWidth ?? 1.5;
      ctx.stroke(p);
    }
    ctx.setLineDash([]);
    ctx.fillStyle = "#1F2937";
    ctx.font = `500 ${fontSize}px ${FONT_FAMILY}`;
    ctx.textBaseline = "middle";
    ctx.fillText(item.label, w + gap, h / 2);
    ctx.restore();
  }
  ctx.fillStyle = "#6B7280";
  ctx.font = `400 ${EXPORT_TEXT.CAPTION_SIZE}px ${FONT_FAMILY}`;
  ctx.textBaseline = "alphabetic";
  f.caption.lines.forEach((line, i) => ctx.fillText(line.trimEnd(), f.caption.x, f.caption.y + i * f.caption.lineHeight));

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The PNG could not be encoded."))), "image/png"));
}

