/** What a layout gives the canvas (positions and edge routes), and how it is put on the elements or a live Cytoscape. */
import type { Core, ElementDefinition } from "cytoscape";

export interface LayoutPatch {
  positions: Record<string, { x: number; y: number }>;
  /** Per-edge data and classes the layout computed (routes); `labelAt` anchors the edge label at a model point. */
  edges?: Record<string, { data?: Record<string, unknown>; classes?: string; labelAt?: { x: number; y: number } }>;
}

/** The element definitions at the layout's positions, with the routes it computed as edge data and classes. */
export function withLayout(elements: ElementDefinition[], patch: LayoutPatch): ElementDefinition[] {
  return elements.map((el) => {
    if (el.group === "edges" || el.data.source) {
      const p = patch.edges?.[el.data.id!];
      return { ...el, data: { ...el.data, ...p?.data }, classes: [el.classes, p?.classes].filter(Boolean).join(" ") };
    }
    return { ...el, position: patch.positions[el.data.id!] ?? { x: 0, y: 0 } };
  });
}

/** Edge labels at the layout's anchor: Cytoscape draws them at the route's midpoint, so shift by the difference. */
export function anchorEdgeLabels(cy: Core, patch: LayoutPatch): void {
  cy.batch(() => {
    for (const [id, p] of Object.entries(patch.edges ?? {})) {
      if (!p.labelAt) continue;
      const edge = cy.getElementById(id);
      if (edge.empty()) continue;
      const mid = edge.midpoint();
      edge.data({ lblDx: p.labelAt.x - mid.x, lblDy: p.labelAt.y - mid.y });
    }
  });
}
