/**
 * Where the graph opens and what "Fit" does, so that labels stay readable: never below the zoom at which the smallest
 * label is MIN_LABEL_PX tall. A picture too big for the canvas at that zoom opens on its anchor (the start), its
 * reading side (top, left) not cut, and the canvas says on which sides it goes on and how many nodes lie there.
 * Knows nothing of the domain: only Cytoscape and the element styles.
 */
import type { CollectionReturnValue, Core } from "cytoscape";

/** No label is drawn smaller than this on opening or after "Fit" (the stylesheet's min-zoomed-font-size hides smaller ones). */
export const MIN_LABEL_PX = 9;
/** Room kept between the picture and the canvas's edges. */
export const PAD = 32;
/** The first view never enlarges a small picture past this. */
const MAX_OPEN_ZOOM = 1.25;

/** The zoom at which the smallest label drawn is MIN_LABEL_PX tall (read from the stylesheet, not assumed). */
export function readableZoom(cy: Core): number {
  let smallest = Infinity;
  // Elements with the same classes share their font size: read one of each (reading every element's style made
  // Cytoscape resolve the styles of a 1,700-element picture a second time).
  const seen = new Set<string>();
  cy.elements().forEach((el) => {
    const key = `${el.group()} ${el.classes().join(" ")}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!el.style("label")) return;
    const size = parseFloat(el.style("font-size") as string);
    if (size > 0) smallest = Math.min(smallest, size);
  });
  // A hair above: at exactly MIN_LABEL_PX, rounding could put labels under min-zoomed-font-size and hide them.
  return Number.isFinite(smallest) ? (MIN_LABEL_PX / smallest) * 1.001 : 0;
}

/** The zoom that shows the whole picture with PAD around it. */
export function fitZoom(cy: Core): number {
  const bb = cy.elements().boundingBox();
  if (bb.w <= 0 || bb.h <= 0) return cy.zoom();
  return Math.min((cy.width() - 2 * PAD) / bb.w, (cy.height() - 2 * PAD) / bb.h);
}

/**
 * The view at a readable zoom `z`: on each axis the whole picture centred when it fits, else the anchor centred and
 * the picture kept filling the canvas (no empty margin where it goes on), then moved so that no label is cut at the
 * top or left edge (where a reader starts; the other edges say "more").
 */
export function placeReadable(cy: Core, anchor: CollectionReturnValue, z: number): void {
  const bb = cy.elements().boundingBox();
  const a = anchor.nonempty() ? anchor.boundingBox() : bb;
  const axis = (lo: number, hi: number, alo: number, ahi: number, size: number) => {
    if ((hi - lo) * z <= size - 2 * PAD) return size / 2 - (z * (lo + hi)) / 2;
    let pan = size / 2 - (z * (alo + ahi)) / 2;
    pan = Math.min(pan, PAD - z * lo);
    return Math.max(pan, size - PAD - z * hi);
  };
  cy.viewport({ zoom: z, pan: { x: axis(bb.x1, bb.x2, a.x1, a.x2, cy.width()), y: axis(bb.y1, bb.y2, a.y1, a.y2, cy.height()) } });
  // A node cut by the top or left edge is brought wholly into view (which may bring another to that edge: again,
  // a few times at most, each step moving the edge into the gap above the node it cut).
  for (let i = 0; i < 12; i++) {
    let dx = 0;
    let dy = 0;
    cy.nodes().forEach((n) => {
      const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
      if (b.x1 < 0 && b.x2 > 0) dx = Math.max(dx, -b.x1 + 4);
      if (b.y1 < 0 && b.y2 > 0) dy = Math.max(dy, -b.y1 + 4);
    });
    if (!dx && !dy) break;
    cy.panBy({ x: dx, y: dy });
  }
}

/** The first view of a new picture: the whole of it when that is readable, else placeReadable on its anchor. */
export function openView(cy: Core, anchor: CollectionReturnValue): void {
  allowFit(cy);
  const readable = readableZoom(cy);
  const whole = Math.min(fitZoom(cy), MAX_OPEN_ZOOM);
  if (whole >= readable) {
    cy.zoom(whole);
    cy.center();
  } else placeReadable(cy, anchor, readable);
}

/** Cytoscape clamps every zoom to minZoom: let it go low enough that a user can zoom out to the whole graph, whatever its size. */
export function allowFit(cy: Core): void {
  const need = fitZoom(cy);
  if (need < cy.minZoom()) cy.minZoom(Math.max(1e-3, need * 0.9));
}

/** How many nodes lie partly or wholly past each edge of the canvas. */
export interface Beyond {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function beyond(cy: Core): Beyond {
  const w = cy.width();
  const h = cy.height();
  const out = { left: 0, right: 0, top: 0, bottom: 0 };
  cy.nodes().forEach((n) => {
    const b = n.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
    if (b.x1 < 0) out.left++;
    if (b.x2 > w) out.right++;
    if (b.y1 < 0) out.top++;
    if (b.y2 > h) out.bottom++;
  });
  return out;
}
