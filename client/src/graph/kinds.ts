/**
 * How each kind of node looks: one Okabe-Ito colour (safe for the common colour-vision deficiencies) AND one
 * shape, so a kind stays recognisable in greyscale print and for readers who cannot tell the colours apart.
 * Neutral greys are kept for purposes and countries so that the vermillion "outside the EEA" mark stands out.
 */
import type { NodeKind } from "@contract/ids";
import { OKABE_ITO } from "@contract/look";

export type ShapeName =
  | "barrel"
  | "ellipse"
  | "tag"
  | "round-rectangle"
  | "rectangle"
  | "cut-rectangle"
  | "rhomboid"
  | "hexagon"
  | "round-diamond";

export interface KindLook {
  /** Singular, shown in the legend and the panel. */
  name: string;
  plural: string;
  /** Border and legend colour. */
  colour: string;
  /** Node fill: a light tint of the colour, so dark text stays readable on it. */
  fill: string;
  text: string;
  shape: ShapeName;
}

export { OKABE_ITO };

/** The colour of "outside the EEA" marks, in the graph and in lists. */


export const KIND_LOOK: Record<NodeKind, KindLook> = {
  system: { name: "System", plural: "Systems", colour: "#000000", fill: "#1F2430", text: "#FFFFFF", shape: "barrel" },
  subject: { name: "Data subject", plural: "Data subjects", colour: OKABE_ITO.reddishPurple, fill: "#F7E6EF", text: "#1B1B1F", shape: "ellipse" },
  source: { name: "Source", plural: "Sources", colour: OKABE_ITO.bluishGreen, fill: "#DDF2EB", text: "#1B1B1F", shape: "tag" },
  table: { name: "Table", plural: "Tables", colour: OKABE_ITO.blue, fill: "#DCEBF5", text: "#1B1B1F", shape: "round-rectangle" },
  column: { name: "Column", plural: "Columns", colour: OKABE_ITO.skyBlue, fill: "#EAF5FC", text: "#1B1B1F", shape: "rectangle" },
  // Pure Okabe-Ito yellow is too light for a border on white: the same hue, darkened.
  category: { name: "Data category", plural: "Data categories", colour: "#C4B400", fill: "#FBF7C8", text: "#1B1B1F", shape: "cut-rectangle" },
  purpose: { name: "Purpose", plural: "Purposes", colour: "#8A8A8A", fill: "#F1F1F1", text: "#1B1B1F", shape: "rhomboid" },
  vendor: { name: "Vendor", plural: "Vendors", colour: OKABE_ITO.orange, fill: "#FCEBC7", text: "#1B1B1F", shape: "hexagon" },
  activity: { name: "Processing activity", plural: "Processing activities", colour: "#5C5C5C", fill: "#E4E4E4", text: "#1B1B1F", shape: "rhomboid" },
  location: { name: "Country", plural: "Countries", colour: "#4A5563", fill: "#E9ECEF", text: "#1B1B1F", shape: "round-diamond" },
};

/** Left-to-right order of kinds in flow views: where data comes from on the left, where it ends up on the right. */
export const LANE_ORDER: readonly NodeKind[] = ["system", "subject", "source", "table", "column", "category", "activity", "purpose", "vendor", "location"];

export function laneOf(kind: NodeKind): number {
  return LANE_ORDER.indexOf(kind);
}

/** SVG path of each shape in a 20×14 box: used by the legend (HTML) and by the exported pictures. */
export function shapePath(shape: ShapeName, w = 20, h = 14): string {
  const r = Math.min(w, h) * 0.25;
  switch (shape) {
    case "rectangle":
      return `M0 0H${w}V${h}H0Z`;
    case "round-rectangle":
      return `M${r} 0H${w - r}Q${w} 0 ${w} ${r}V${h - r}Q${w} ${h} ${w - r} ${h}H${r}Q0 ${h} 0 ${h - r}V${r}Q0 0 ${r} 0Z`;
    case "ellipse":
      return `M0 ${h / 2}A${w / 2} ${h / 2} 0 1 0 ${w} ${h / 2}A${w / 2} ${h / 2} 0 1 0 0 ${h / 2}Z`;
    case "barrel":
      return `M${w * 0.12} 0H${w * 0.88}Q${w} ${h / 2} ${w * 0.88} ${h}H${w * 0.12}Q0 ${h / 2} ${w * 0.12} 0Z`;
    case "tag":
      return `M0 0H${w * 0.72}L${w} ${h / 2}L${w * 0.72} ${h}H0Z`;
    case "cut-rectangle": {
      const c = h * 0.3;
      return `M${c} 0H${w - c}L${w} ${c}V${h - c}L${w - c} ${h}H${c}L0 ${h - c}V${c}Z`;
    }
    case "rhomboid":
      return `M${w * 0.25} 0H${w}L${w * 0.75} ${h}H0Z`;
    case "hexagon":
      return `M${w * 0.22} 0H${w * 0.78}L${w} ${h / 2}L${w * 0.78} ${h}H${w * 0.22}L0 ${h / 2}Z`;
    case "round-diamond":
      return `M${w / 2} 0L${w} ${h / 2}L${w / 2} ${h}L0 ${h / 2}Z`;
  }
}

/** Room kept between a label's text box and its shape's border, on each side (borders up to 6 px wide included). */
export const LABEL_INSET = { x: 5, y: 2 } as const;

/**
 * The smallest box of `shape` (as shapePath and Cytoscape draw it) that holds a text box of `textW` × `textH`
 * centred in it with LABEL_INSET to spare: shapes that narrow at their sides (hexagon, tag, rhomboid, diamond,
 * ellipse, barrel) grow wider by how much they narrow at the height of the text, so no label touches a border.
 * `padY` is the room above and below the text in the shapes that do not narrow vertically.
 */
export function shapeBox(shape: ShapeName, textW: number, textH: number, padY: number): { w: number; h: number } {
  const tw = textW + 2 * LABEL_INSET.x;
  const th = textH + 2 * LABEL_INSET.y;
  const h = textH + 2 * padY;
  const up = (n: number) => Math.ceil(n);
  switch (shape) {
    case "rectangle":
    case "round-rectangle":
      return { w: up(tw), h };
    case "cut-rectangle":
      // Corners cut 0.3 h at 45°: the text's corner clears the cut when it is that far in.
      return { w: up(tw + 0.6 * h), h };
    case "barrel":
      // Sides bulge in by up to 0.12 w (shapePath's curve; Cytoscape's barrel less).
      return { w: up(tw / 0.76), h };
    case "hexagon":
      // Top and bottom corners 0.25 w in (Cytoscape's hexagon; shapePath's 0.22), the sides meeting at mid-height:
      // at the text's top the shape is 0.25 w · th / h in on each side.
      return { w: up(tw / (1 - (0.5 * th) / h)), h };
    case "tag":
      // Flat on the left, pointed on the right from 0.72 w.
      return { w: up(tw / (1 - (0.56 * th) / h)), h };
    case "rhomboid":
      return { w: up(tw / (1 - (0.25 * (h + th)) / h)), h };
    case "round-diamond":
      // The text box's corner on the diamond's side: |x|/(w/2) + |y|/(h/2) = 1 at half the width and half the height.
      return { w: up(2 * tw), h: up(2 * th) };
    case "ellipse":
      return { w: up(Math.SQRT2 * tw), h: up(Math.SQRT2 * th) };
  }
}
