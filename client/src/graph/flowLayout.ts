/** The layout function handed to GraphCanvas: ELK (in its worker) over the current elements. */
import type { ElementDefinition } from "cytoscape";

import type { LayoutPatch } from "./GraphCanvas";
import type { CyEdge, CyNode } from "./elements";
import { runLayout } from "./elkRunner";
import { toPatch, type LayoutRequest } from "./layout";

export function elkLayout(req: LayoutRequest): (elements: ElementDefinition[]) => Promise<LayoutPatch> {
  return async (elements) => {
    const nodes = elements.filter((e) => e.group === "nodes") as unknown as CyNode[];
    const edges = elements.filter((e) => e.group === "edges") as unknown as CyEdge[];
    return toPatch(await runLayout({ nodes, edges }, req));
  };
}
