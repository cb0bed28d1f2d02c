/**
 * The exported picture for a DPIA: title, subtitle, the whole graph, the legend and a caption naming the data
 * set and date. The SVG document is composed here as text (pure, unit-tested); the PNG is painted in export.ts
 * from the same frame geometry.
 */
import { approxMeasure, type Measure } from "./elements";
import { esc } from "./figureSvg";
import { shapePath } from "./kinds";
import { LEGEND_SWATCH, legendLayout, type LegendItem, type PlacedItem } from "./legend";
import { FONT_FAMILY } from "./stylesheet";

export interface ExportMeta {
  title: string;
  subtitle?: string;
  caption: string;
  legend: LegendItem[];
}

export interface Frame {
  width: number;
  height: number;
  margin: number;
  graph: { x: number; y: number; w: number; h: number };
  title: { x: number; y: number };
  subtitle: { x: number; y: number };
  legend: { x: number; y: number; items: PlacedItem[]; height: number };
  /** The caption wrapped to the frame's width: one baseline per line. */
  caption: { x: number; y: number; lines: string[]; lineHeight: number };
}

/**
 * Splits `text` into lines no wider than `maxWidth`, at spaces. Each line but the last keeps its trailing space,
 * so the lines joined give the text back (and a search of the SVG's text finds phrases across a break).
 */
export function wrapWords(text: string, maxWidth: number, fontSize: number, measure: Measure): string[] {
  const words = text.split(/(?<= )/);
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line && measure((line + w).trimEnd(), fontSize, 400) > maxWidth) {
      lines.push(line);
      line = w;
    } else line += w;
  }
  if (line) lines.push(line);
  return lines;
}

const MARGIN = 36;
const TITLE_SIZE = 22;
const SUBTITLE_SIZE = 13;
const CAPTION_SIZE = 12;
const MIN_WIDTH = 760;

/** Where everything goes, in CSS pixels at scale 1, around a graph of `graphW` × `graphH`. */
export function exportFrame(graphW: number, graphH: number, meta: ExportMeta, measure: Measure = approxMeasure): Frame {
  const width = Math.ceil(Math.max(graphW + 2 * MARGIN, MIN_WIDTH, measure(meta.title, TITLE_SIZE, 700) + 2 * MARGIN));
  const inner = width - 2 * MARGIN;
  const titleY = MARGIN + TITLE_SIZE;
  const subtitleY = titleY + (meta.subtitle ? SUBTITLE_SIZE + 10 : 0);
  const graphY = subtitleY + 20;
  const graph = { x: Math.round((width - graphW) / 2), y: graphY, w: graphW, h: graphH };
  const legendY = graphY + graphH + 24;
  const legend = legendLayout(meta.legend, inner, measure);
  const captionY = legendY + legend.height + 18 + CAPTION_SIZE;
  const captionLines = wrapWords(meta.caption, inner, CAPTION_SIZE, measure);
  const lineHeight = Math.round(CAPTION_SIZE * 1.4);
  return {
    width,
    height: Math.ceil(captionY + (captionLines.length - 1) * lineHeight + MARGIN * 0.75),
    margin: MARGIN,
    graph,
    title: { x: MARGIN, y: titleY },
    subtitle: { x: MARGIN, y: subtitleY },
    legend: { x: MARGIN, y: legendY, items: legend.items, height: legend.height },
    caption: { x: MARGIN, y: captionY, lines: captionLines, lineHeight },
  };
}

/** The smallest text the frame itself draws (caption, legend, subtitle), for the print checks. */
export const FRAME_MIN_FONT = Math.min(CAPTION_SIZE, SUBTITLE_SIZE, TITLE_SIZE, LEGEND_SWATCH.fontSize);

function svgLegendItem(item: PlacedItem): string {
  const { w, h, gap, fontSize } = LEGEND_SWATCH;
  const dash = item.dash ? ` stroke-dasharray="${item.dash}"` : "";
  const swatch = item.line
    ? `<line x1="0" y1="${h / 2}" x2="${w - 5}" y2="${h / 2}" stroke="${item.stroke}" stroke-width="1.6"${dash}/><path d="M${w - 6} ${h / 2 - 3.5}L${w} ${h / 2}L${w - 6} ${h / 2 + 3.5}Z" fill="${item.stroke}"/>`
    : `<path d="${shapePath(item.shape ?? "rectangle", w, h)}" fill="${item.fill ?? "#fff"}" stroke="${item.stroke}" stroke-width="${item.strokeWidth ?? 1.5}"${dash}/>`;
  return `<g class="legend-item" transform="translate(${item.x} ${item.y})">${swatch}<text x="${w + gap}" y="${h / 2}" dominant-baseline="central" font-size="${fontSize}">${esc(item.label)}</text></g>`;
}

export interface SvgExtras {
  /** An `@font-face` rule (e.g. Inter embedded as WOFF2), so the figure renders alike where Inter is not installed. */
  fontCss?: string;
  /** A `<desc>`: what the figure needs to print legibly. */
  description?: string;
}

/** Wraps the SVG of the graph (figureSvg.ts) into the captioned, legended document. */
export function composeSvg(graphSvg: string, meta: ExportMeta, measure: Measure = approxMeasure, extras: SvgExtras = {}): string {
  const inner = graphSvg.replace(/<\?xml[^>]*\?>/, "").replace(/<!DOCTYPE[^>]*>/i, "").trim();
  const w = Number(/<svg[^>]*\swidth="([\d.]+)/.exec(inner)?.[1] ?? 0);
  const h = Number(/<svg[^>]*\sheight="([\d.]+)/.exec(inner)?.[1] ?? 0);
  const f = exportFrame(w, h, meta, measure);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" font-family='${FONT_FAMILY}'>`,
    `<title>${esc(meta.title)}</title>`,
    extras.description ? `<desc>${esc(extras.description)}</desc>` : "",
    extras.fontCss ? `<defs><style>${extras.fontCss}</style></defs>` : "",
    `<rect width="100%" height="100%" fill="#FFFFFF"/>`,
    `<text id="title" x="${f.title.x}" y="${f.title.y}" font-size="${TITLE_SIZE}" font-weight="700" fill="#11151C">${esc(meta.title)}</text>`,
    meta.subtitle ? `<text id="subtitle" x="${f.subtitle.x}" y="${f.subtitle.y}" font-size="${SUBTITLE_SIZE}" fill="#4B5563">${esc(meta.subtitle)}</text>` : "",
    `<g id="graph" transform="translate(${f.graph.x} ${f.graph.y})">${inner}</g>`,
    `<g id="legend" transform="translate(${f.legend.x} ${f.legend.y})" fill="#1F2937">${f.legend.items.map(svgLegendItem).join("")}</g>`,
    `<text id="caption" x="${f.caption.x}" y="${f.caption.y}" font-size="${CAPTION_SIZE}" fill="#6B7280" xml:space="preserve">${f.caption.lines
      .map((l, i) => `<tspan x="${f.caption.x}" y="${f.caption.y + i * f.caption.lineHeight}">${esc(l)}</tspan>`)
      .join("")}</text>`,
    `</svg>`,
  ].join("\n");
}

export const EXPORT_TEXT = { TITLE_SIZE, SUBTITLE_SIZE, CAPTION_SIZE } as const;
