/** Browser half of the DPIA export: renders the whole graph (not the viewport) and composes the captioned picture. */
import type { Core } from "cytoscape";

import { composeSvg, EXPORT_TEXT, exportFrame, type ExportMeta } from "./exportDocument";
import { shapePath } from "./kinds";
import { LEGEND_SWATCH } from "./legend";
import { canvasMeasure } from "./measure";
import { FONT_FAMILY } from "./stylesheet";

/** Print resolution: 3× CSS pixels (≈ 288 dpi), reduced only where the browser's canvas limits require. */
const PRINT_SCALE = 3;
const MAX_SIDE = 16000;
const MAX_AREA = 180_000_000;

export async function exportPng(cy: Core, meta: ExportMeta): Promise<Blob> {
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
  ctx.fillText(meta.caption, f.caption.x, f.caption.y);

  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The PNG could not be encoded."))), "image/png"));
}

export function exportSvg(cy: Core, meta: ExportMeta): Blob {
  const graph = cy.svg({ full: true, scale: 1, bg: "#FFFFFF" });
  return new Blob([composeSvg(graph, meta, canvasMeasure)], { type: "image/svg+xml" });
}
