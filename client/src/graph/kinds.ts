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
  /** Extra horizontal room a shape needs around its label (diamonds and hexagons narrow at the sides). */
  padX: number;
}

export { OKABE_ITO };

/** The colour of "outside the EEA" marks, in the graph and in lists. */


export const KIND_LOOK: Record<NodeKind, KindLook> = {
  system: { name: "System", plural: "Systems", colour: "#000000", fill: "#1F2430", text: "#FFFFFF", shape: "barrel", padX: 18 },
  subject: { name: "Data subject", plural: "Data subjects", colour: OKABE_ITO.reddishPurple, fill: "#F7E6EF", text: "#1B1B1F", shape: "ellipse", padX: 22 },
  source: { name: "Source", plural: "Sources", colour: OKABE_ITO.bluishGreen, fill: "#DDF2EB", text: "#1B1B1F", shape: "tag", padX: 22 },
  table: { name: "Table", plural: "Tables", colour: OKABE_ITO.blue, fill: "#DCEBF5", text: "#1B1B1F", shape: "round-rectangle", padX: 12 },
  column: { name: "Column", plural: "Columns", colour: OKABE_ITO.skyBlue, fill: "#EAF5FC", text: "#1B1B1F", shape: "rectangle", padX: 10 },
  // Pure Okabe-Ito yellow is too light for a border on white: the same hue, darkened.
  category: { name: "Data category", plural: "Data categories", colour: "#C4B400", fill: "#FBF7C8", text: "#1B1B1F", shape: "cut-rectangle", padX: 16 },
  purpose: { name: "Purpose", plural: "Purposes", colour: "#8A8A8A", fill: "#F1F1F1", text: "#1B1B1F", shape: "rhomboid", padX: 22 },
  vendor: { name: "Vendor", plural: "Vendors", colour: OKABE_ITO.orange, fill: "#FCEBC7", text: "#1B1B1F", shape: "hexagon", padX: 26 },
  activity: { name: "Processing activity", plural: "Processing activities", colour: "#5C5C5C", fill: "#E4E4E4", text: "#1B1B1F", shape: "rhomboid", padX: 22 },
  location: { name: "Country", plural: "Countries", colour: "#4A5563", fill: "#E9ECEF", text: "#1B1B1F", shape: "round-diamond", padX: 34 },
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
