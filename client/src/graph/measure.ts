/** Text width as the canvas will draw it, so node sizes given to ELK match what Cytoscape paints. */
import type { Measure } from "./elements";
import { approxMeasure } from "./elements";
import { FONT_FAMILY } from "./stylesheet";

let ctx: CanvasRenderingContext2D | null = null;

export const canvasMeasure: Measure = (text, fontSize, weight = 500) => {
  ctx ??= document.createElement("canvas").getContext("2d");
  if (!ctx) return approxMeasure(text, fontSize);
  ctx.font = `${weight} ${fontSize}px ${FONT_FAMILY}`;
  return Math.ceil(ctx.measureText(text).width);
};

/** Resolves once the UI font is loaded: measuring before would size every node for the fallback font. */
export function fontsReady(): Promise<void> {
  return Promise.all([document.fonts.load(`500 13px "Inter Variable"`), document.fonts.load(`700 13px "Inter Variable"`)]).then(
    () => undefined,
    () => undefined,
  );
}
