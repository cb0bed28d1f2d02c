/**
 * Printing a figure over several pages, for the SVG/PNG export's print model (client) and the DPIA pack (server).
 */

/**
 * Where to cut a figure that needs several pages: horizontal bands at most `pageH` tall, cut in the gaps
 * between nodes where there is one (a cut through a node would print half a label on each page).
 */
export function pageBands(boxes: readonly { y1: number; y2: number }[], height: number, pageH: number): { y: number; h: number }[] {
  const bands: { y: number; h: number }[] = [];
  let top = 0;
  while (height - top > pageH) {
    let cut = top + pageH;
    const crossing = (y: number) => boxes.some((b) => b.y1 < y && b.y2 > y);
    // Move the cut up to the nearest gap, but not past half a page.
    for (let y = cut; y > top + pageH / 2; y -= 2) {
      if (!crossing(y)) {
        cut = y;
        break;
      }
    }
    bands.push({ y: top, h: cut - top });
    top = cut;
  }
  bands.push({ y: top, h: height - top });
  return bands;
}
