/**
 * The print layout of an exported figure: the picture on screen, re-labelled and re-sized for paper. Column
 * labels lose the table prefix the picture already shows (the column hangs off its table), long labels wrap
 * instead of stretching their lane, edge labels wrap into short lines, and ELK spaces everything tighter.
 * Pure: text width comes in as a `measure` function, as in elements.ts.
 *
 * The target is a figure printed 25 cm wide (A4 landscape) with no text under 6 pt: the smallest font in the
 * figure, divided by the figure's width, must be at least 6 pt ÷ 25 cm. `printFit` says how a figure meets that,
 * and how many pages it needs when it is too tall for one.
 */
import type { Elements } from "@contract/api";
import { wrapText } from "@contract/wrap";

import { approxMeasure, displayLabel, toModel, type GraphModel, type Measure, type ToModelOptions } from "./elements";
import { KIND_LOOK, shapeBox } from "./kinds";

export const PRINT_TEXT = {
  NODE_FONT_SIZE: 12,
  NODE_LINE_HEIGHT: 15,
  EDGE_FONT_SIZE: 11,
  EDGE_LINE_HEIGHT: 13,
  /** A node label wraps past this many characters a line; an edge label (a list of columns) past EDGE_CHARS. */
  NODE_CHARS: 13,
  EDGE_CHARS: 26,
} as const;

const PAD_Y = 6;
const MIN_WIDTH = 40;

/** 1 pt = 1/72 in = 0.03528 cm. */
export const PT_CM = 2.54 / 72;
export const MIN_PRINT_PT = 6;
/** The printable area of an A4 page (29.7 × 21 cm) with margins: 25 cm across in landscape, 17 cm down. */
export const PAGE_CM = { long: 25, short: 17 } as const;
/** Smallest font px ÷ figure width px for 6 pt text at 25 cm. */
export const MIN_FONT_RATIO = (MIN_PRINT_PT * PT_CM) / PAGE_CM.long;

/**
 * Splits a label into lines of at most `max` characters, breaking only between words, after "_" or before a capital
 * (contract/wrap.ts, the rule the DPIA pack's figure follows too). No text is lost and no word is cut.
 */
export function wrapLabel(text: string, max: number): string[] {
  return wrapText(text, (line) => line.length <= max);
}

/** "CMS_User.Email" → "Email" when the table CMS_User is in the picture (the column hangs off it there). */
function withoutTablePrefix(label: string, tablesDrawn: ReadonlySet<string>): string {
  const dot = label.indexOf(".");
  return dot > 0 && tablesDrawn.has(label.slice(0, dot)) ? label.slice(dot + 1) : label;
}

/** The print model: the screen model's nodes and edges, with print labels and sizes. */
export function printModel(elements: Elements, options: Omit<ToModelOptions, "measure"> & { measure?: Measure } = {}): GraphModel {
  const measure = options.measure ?? approxMeasure;
  const base = toModel(elements, { ...options, measure });
  const tablesDrawn = new Set(base.nodes.filter((n) => n.data.kind === "table").map((n) => n.data.label));
  const { NODE_FONT_SIZE, NODE_LINE_HEIGHT, EDGE_FONT_SIZE, EDGE_LINE_HEIGHT, NODE_CHARS, EDGE_CHARS } = PRINT_TEXT;

  const nodes = base.nodes.map((n) => {
    const name = n.data.kind === "column" ? withoutTablePrefix(n.data.label || n.data.id, tablesDrawn) : n.data.label || n.data.id;
    // Badge lines (the transfer status, e.g. "country not stated") come from the screen label, after its first line.
    const badges = displayLabel(n.data).split("\n").slice(1);
    const badgeLines = badges.flatMap((b) => wrapLabel(b, NODE_CHARS));
    const lines = [...wrapLabel(name, NODE_CHARS), ...badgeLines];
    // Measured without the space a line keeps from its break; the shape is sized so the text clears its border.
    const textW = Math.max(...lines.map((l) => measure(l.trimEnd(), NODE_FONT_SIZE, 500)));
    const { w, h } = shapeBox(KIND_LOOK[n.data.kind].shape, textW, lines.length * NODE_LINE_HEIGHT, PAD_Y);
    return { ...n, data: { ...n.data, display: lines.join("\n"), badgeLines: badgeLines.length, w: Math.max(MIN_WIDTH, w), h } };
  });

  const edges = base.edges.map((e) => {
    if (!e.data.edgeLabel) return e;
    const lines = wrapLabel(e.data.edgeLabel, EDGE_CHARS);
    return {
      ...e,
      data: {
        ...e.data,
        edgeLabel: lines.join("\n"),
        labelW: Math.max(...lines.map((l) => measure(l.trimEnd(), EDGE_FONT_SIZE))),
        labelH: lines.length * EDGE_LINE_HEIGHT + 4,
      },
    };
  });
  return { nodes, edges };
}

export interface PrintFit {
  /** The orientation that prints the figure largest on one page. */
  orientation: "landscape" | "portrait";
  /** Its smallest text when the whole figure is printed on one page of that orientation, in pt. */
  onePagePt: number;
  /** Its smallest text printed 25 cm wide, in pt. */
  at25cmPt: number;
  /**
   * Pages needed to keep text ≥ 6 pt: 1 when one page does; else landscape pages, the figure printed 25 cm
   * wide (times `columns` when even that is too small) and cut into bands of one page's height.
   */
  pages: number;
  columns: number;
}

/** How a figure of `width` × `height` px, smallest text `minFontPx`, goes on A4. */
export function printFit(width: number, height: number, minFontPx: number): PrintFit {
  const ptAtWidth = (cm: number) => (minFontPx * cm) / width / PT_CM;
  const landscapeCm = Math.min(PAGE_CM.long, (PAGE_CM.short * width) / height);
  const portraitCm = Math.min(PAGE_CM.short, (PAGE_CM.long * width) / height);
  const orientation = landscapeCm >= portraitCm ? "landscape" : "portrait";
  const onePagePt = ptAtWidth(Math.max(landscapeCm, portraitCm));
  const at25cmPt = ptAtWidth(PAGE_CM.long);
  if (onePagePt >= MIN_PRINT_PT) return { orientation, onePagePt, at25cmPt, pages: 1, columns: 1 };
  const columns = at25cmPt >= MIN_PRINT_PT ? 1 : Math.ceil(MIN_PRINT_PT / at25cmPt - 1e-9);
  const rows = Math.ceil(((height / width) * PAGE_CM.long * columns) / PAGE_CM.short - 1e-9);
  return { orientation, onePagePt, at25cmPt, pages: rows * columns, columns };
}

/** Where a figure too tall for one page is cut (shared with the DPIA pack's figure). */
export { pageBands } from "@contract/print";
