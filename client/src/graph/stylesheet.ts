/**
 * All looks of the graph, in one Cytoscape selector stylesheet: defaults declared once, then one rule per
 * kind (colour + shape from kinds.ts), then states (root, transfer status, faded, selected). Geometry computed
 * by the layout (endpoints, bends, label offsets) comes in through element data, never through bypasses.
 */
import type { NodeKind } from "@contract/ids";
import type { StylesheetJson } from "cytoscape";

import { EDGE_FONT_SIZE, NODE_FONT_SIZE } from "./elements";
import { KIND_LOOK } from "./kinds";
import { TRANSFER_LOOK } from "./transfer";

export const FONT_FAMILY = '"Inter Variable", "Inter", "Segoe UI", "Helvetica Neue", Arial, sans-serif';
const EDGE_COLOUR = "#8D96A5";
const EDGE_STRONG = "#4A5262";
const SELECT_COLOUR = "#2B59C3";

/** On screen, labels drawn smaller than this are hidden until the user zooms in (and the first fit never goes below). */
export const MIN_READABLE_PX = 9;

export interface StyleOptions {
  nodeFontSize?: number;
  edgeFontSize?: number;
  /** Labels smaller than this on screen are not drawn (Cytoscape's min-zoomed-font-size); 0 draws all. */
  minZoomedFontSize?: number;
}

export function buildStylesheet({ nodeFontSize = NODE_FONT_SIZE, edgeFontSize = EDGE_FONT_SIZE, minZoomedFontSize = MIN_READABLE_PX }: StyleOptions = {}): StylesheetJson {
  const kindRules = (Object.entries(KIND_LOOK) as [NodeKind, (typeof KIND_LOOK)[NodeKind]][]).map(([kind, look]) => ({
    selector: `node.kind-${kind}`,
    style: { shape: look.shape, "background-color": look.fill, "border-color": look.colour, color: look.text },
  }));
  return [
    {
      selector: "node",
      style: {
        label: "data(display)",
        width: "data(w)",
        height: "data(h)",
        "text-valign": "center",
        "text-halign": "center",
        "text-wrap": "wrap",
        "text-max-width": "1000px",
        "font-family": FONT_FAMILY,
        "font-size": nodeFontSize,
        "font-weight": 500,
        "line-height": 1.25,
        "border-width": 1.5,
        "border-opacity": 1,
        "background-opacity": 1,
        "min-zoomed-font-size": minZoomedFontSize,
        "transition-property": "opacity",
        "transition-duration": 120,
      },
    },
    ...kindRules,
    { selector: "node.kind-system", style: { "font-weight": 600 } },
    { selector: "node.column-system", style: { color: "#6B7280", "background-color": "#F7F8FA", "border-color": "#C4CAD3", "border-style": "dotted" } },
    { selector: "node.column-reference", style: { "border-style": "dashed" } },
    { selector: "node.root", style: { "border-width": 3, "font-weight": 700 } },
    // Aggregates (a group of vendors, a table standing for its columns): a double border says "more inside, click".
    { selector: "node.group, node.collapsed", style: { "border-style": "double", "border-width": 5, "font-weight": 700 } },
    ...Object.entries(TRANSFER_LOOK).map(([status, look]) => ({
      selector: `node.transfer-${status}`,
      style: {
        "border-color": look.colour,
        "border-width": look.borderWidth,
        "border-style": look.dash ? "dashed" : "solid",
        ...(look.dash ? { "border-dash-pattern": look.dash } : {}),
      },
    })),
    { selector: "node.group", style: { "border-style": "double", "border-width": 6 } },
    // A system another file sends data to but that is not loaded: drawn, never dropped, dashed as unknown.
    // Its label in the system kind's dark fill colour: on the white fill the kind's white text would not show.
    { selector: "node.not-loaded", style: { "border-style": "dashed", "background-color": "#FFFFFF", color: KIND_LOOK.system.fill } },
    // A scoped trace follows the data into other systems: their part is drawn lighter, "outside the selection".
    { selector: "node.outside", style: { "background-opacity": 0.45, "border-opacity": 0.6 } },
    // A system's white label would not read on its faded fill (2.7:1): in the fill's colour instead (5.7:1).
    { selector: "node.kind-system.outside", style: { color: KIND_LOOK.system.fill } },
    {
      selector: "edge",
      style: {
        width: 1.3,
        "line-color": EDGE_COLOUR,
        "target-arrow-color": EDGE_COLOUR,
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.75,
        "curve-style": "bezier",
        "transition-property": "opacity, line-color",
        "transition-duration": 120,
      },
    },
    {
      // Orthogonal routes from ELK: exact endpoints on the node borders and the bends between layers.
      selector: "edge.routed",
      style: {
        "curve-style": "round-segments",
        "segment-radius": 8,
        "edge-distances": "endpoints",
        "segment-weights": "data(segW)",
        "segment-distances": "data(segD)",
        "source-endpoint": "data(srcEnd)",
        "target-endpoint": "data(tgtEnd)",
      },
    },
    { selector: "edge.routed.straight", style: { "curve-style": "straight" } },
    // Big pictures (the lane layout): straight lines, the cheapest to draw and the ones the WebGL renderer batches.
    { selector: "edge.plain", style: { "curve-style": "straight" } },
    // A bundle of statements (vendors into a group, columns of a collapsed table): heavier with its count.
    { selector: "edge.bundle", style: { width: "data(bw)" } },
    { selector: "edge.type-LOCATED_IN", style: { "line-style": "dashed", "line-dash-pattern": [4, 3] } },
    { selector: "edge.type-SENDS_BACK", style: { "line-style": "dashed", "line-dash-pattern": [2, 3] } },
    // An edge the server marks as going back (a copy returning to a table the trace reached earlier): dotted, so a
    // cycle never reads as data flowing on.
    { selector: "edge.back", style: { "line-style": "dotted" } },
    // A reference (a foreign key) is not a flow: long dashes and a bar instead of an arrow head, never a flow's look.
    { selector: "edge.type-REFERENCES", style: { "line-style": "dashed", "line-dash-pattern": [8, 4], "target-arrow-shape": "tee" } },
    {
      selector: "edge.labelled",
      style: {
        label: "data(edgeLabel)",
        "text-wrap": "wrap",
        "text-max-width": "1000px",
        "line-height": 1.2,
        "font-family": FONT_FAMILY,
        "font-size": edgeFontSize,
        color: "#2E3440",
        "text-background-color": "#FFFFFF",
        "text-background-opacity": 0.92,
        "text-background-padding": "2px",
        "text-background-shape": "round-rectangle",
        "text-margin-x": "data(lblDx)",
        "text-margin-y": "data(lblDy)",
        "min-zoomed-font-size": minZoomedFontSize,
      },
    },
    { selector: ".faded", style: { opacity: 0.14 } },
    { selector: "edge.on-path", style: { "line-color": EDGE_STRONG, "target-arrow-color": EDGE_STRONG, width: 1.7 } },
    { selector: "edge.bundle.on-path", style: { width: "data(bw)" } },
    {
      selector: "node:selected",
      style: { "underlay-color": SELECT_COLOUR, "underlay-opacity": 0.22, "underlay-padding": 6, "underlay-shape": "round-rectangle" },
    },
    { selector: "node.flash", style: { "underlay-color": SELECT_COLOUR, "underlay-opacity": 0.4, "underlay-padding": 10 } },
  ] as StylesheetJson;
}
