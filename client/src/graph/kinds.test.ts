import { describe, expect, it } from "vitest";

import { LABEL_INSET, shapeBox, shapePath, type ShapeName } from "./kinds";

/** The corners of shapePath's polygon (its M/H/V/L commands; curves are approximated by their end points). */
function polygon(shape: ShapeName, w: number, h: number): [number, number][] {
  const pts: [number, number][] = [];
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of shapePath(shape, w, h).matchAll(/([MHVLQAZ])([^MHVLQAZ]*)/g)) {
    const n = args!.trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (cmd === "M" || cmd === "L") [x, y] = [n[0]!, n[1]!];
    else if (cmd === "H") x = n[0]!;
    else if (cmd === "V") y = n[0]!;
    else if (cmd === "Q") [x, y] = [n[2]!, n[3]!];
    else continue;
    pts.push([x, y]);
  }
  return pts;
}

/** Whether (px, py) is inside a convex polygon (every edge turns the same way around it). */
function inside(poly: [number, number][], px: number, py: number): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i]!;
    const [x2, y2] = poly[(i + 1) % poly.length]!;
    const cross = (x2 - x1) * (py - y1) - (y2 - y1) * (px - x1);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}

describe("shapeBox", () => {
  const polygons: ShapeName[] = ["rectangle", "cut-rectangle", "hexagon", "tag", "rhomboid", "round-diamond"];
  for (const shape of polygons) {
    it(`sizes a ${shape} so the text box, LABEL_INSET out, lies inside it`, () => {
      for (const [tw, th] of [[40, 15], [120, 15], [90, 45], [200, 30]] as const) {
        const { w, h } = shapeBox(shape, tw, th, 6);
        const poly = polygon(shape, w, h);
        const [x1, x2] = [(w - tw) / 2 - LABEL_INSET.x + 0.5, (w + tw) / 2 + LABEL_INSET.x - 0.5];
        const [y1, y2] = [(h - th) / 2 - LABEL_INSET.y + 0.5, (h + th) / 2 + LABEL_INSET.y - 0.5];
        for (const [x, y] of [[x1, y1], [x2, y1], [x1, y2], [x2, y2]] as const) expect(inside(poly, x, y), `${shape} ${tw}×${th}: (${x}, ${y}) in ${w}×${h}`).toBe(true);
      }
    });
  }

  it("sizes an ellipse so the text box's corners lie inside it", () => {
    const { w, h } = shapeBox("ellipse", 100, 30, 6);
    const [cx, cy] = [(100 + 2 * LABEL_INSET.x) / 2, (30 + 2 * LABEL_INSET.y) / 2];
    expect((cx / (w / 2)) ** 2 + (cy / (h / 2)) ** 2).toBeLessThanOrEqual(1 + 1e-9);
  });
});
