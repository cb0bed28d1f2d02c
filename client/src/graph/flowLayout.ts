/**
 * The layout function handed to GraphCanvas, chosen by size: ELK (in its worker) with orthogonal routes for pictures
 * small enough for it to finish quickly, the linear-time lane layout past that (ELK took 1 s for 440 elements, 2.8 s
 * for 1,300 and 9 s for 2,600 in node on the 2-core machine; the lane layout takes milliseconds).
 */
import type { ElementDefinition } from "cytoscape";

import type { CyEdge, CyNode, GraphModel } from "./elements";
import { runLayout, warmLayout } from "./elkRunner";
import { laneLayout } from "./laneLayout";
import { toPatch, type LayoutRequest } from "./layout";
import type { LayoutPatch } from "./layoutPatch";

/**
 * Past either, the lane layout is used. In the browser on the busy 2-core benchmark machine ELK took 2.7 s for a
 * 306-element trace (about 110 nodes), so only pictures up to about 300 elements get its routed edges.
 */
export const ELK_MAX_NODES = 100;
export const ELK_MAX_EDGES = 200;

export function usesElk(model: { nodes: readonly unknown[]; edges: readonly unknown[] }): boolean {
  return model.nodes.length <= ELK_MAX_NODES && model.edges.length <= ELK_MAX_EDGES;
}

/**
 * Starts ELK's worker when a picture of this size will be laid out by it (a picture past the limits never pays for
 * it). Called with the answer, before its model is built: starting it with the layout itself put its 1.6 MB script's
 * compiling (250 ms on the 2-core machine) on every small picture's way to the screen.
 */
export function warmLayoutFor(picture: { nodes: readonly unknown[]; edges: readonly unknown[] }): void {
  if (usesElk(picture)) warmLayout();
}

/** The lane layout as a canvas patch: node centres, and every edge drawn straight between them. */
export function lanePatch(model: GraphModel, req: LayoutRequest & { roots?: readonly string[]; aspect?: number }): LayoutPatch {
  const { positions } = laneLayout(model, { lanes: req.lanes, ...(req.roots ? { roots: req.roots } : {}), ...(req.aspect ? { aspect: req.aspect } : {}) });
  const edges: NonNullable<LayoutPatch["edges"]> = {};
  for (const e of model.edges) edges[e.data.id] = { classes: "plain" };
  return { positions, edges };
}

export function elkLayout(req: LayoutRequest & { roots?: readonly string[] }): (elements: ElementDefinition[], aspect?: number) => Promise<LayoutPatch> {
  return async (elements, aspect) => {
    const nodes = elements.filter((e) => e.group === "nodes") as unknown as CyNode[];
    const edges = elements.filter((e) => e.group === "edges") as unknown as CyEdge[];
    const model = { nodes, edges };
    if (!usesElk(model)) return lanePatch(model, { ...req, ...(aspect ? { aspect } : {}) });
    return toPatch(await runLayout(model, req));
  };
}
