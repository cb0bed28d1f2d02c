import type { Core } from "cytoscape";

import { Minimap } from "./Minimap";
import type { ViewState } from "./useCytoscape";

const SIDES = [
  ["right", "more →", { x: 1, y: 0 }],
  ["left", "← more", { x: -1, y: 0 }],
  ["bottom", "more ↓", { x: 0, y: 1 }],
  ["top", "↑ more", { x: 0, y: -1 }],
] as const;
const SIDE_WORDS = { right: "to the right", left: "to the left", bottom: "below", top: "above" } as const;

/**
 * What the canvas says about the view: a "more" hint on each side the picture goes on past (with how many nodes lie
 * there; a click moves the view that way), the minimap when the picture does not fit, and counts instead of labels
 * when the user has zoomed out past readable labels.
 */
export function ViewAids({ cy, view, drawn, nodes, links }: { cy: Core; view: ViewState; drawn: unknown; nodes: number; links: number }) {
  const outside = SIDES.filter(([side]) => view.beyond[side] > 0);
  return (
    <>
      {outside.map(([side, words, dir]) => (
        <button
          key={side}
          type="button"
          className={`more-hint more-hint--${side}`}
          data-testid="more-hint"
          data-side={side}
          aria-label={`${view.beyond[side]} more node${view.beyond[side] === 1 ? "" : "s"} ${SIDE_WORDS[side]}: move the view there`}
          onClick={() => cy.panBy({ x: -dir.x * cy.width() * 0.6, y: -dir.y * cy.height() * 0.6 })}
        >
          <span>
            {words} ({view.beyond[side]})
          </span>
        </button>
      ))}
      {view.hidden && (
        <p className="labels-hidden" role="status" data-testid="labels-hidden">
          Labels hidden at this zoom: {nodes.toLocaleString("en")} nodes, {links.toLocaleString("en")} links. Zoom in or press Fit to read them.
        </p>
      )}
      {(outside.length > 0 || view.hidden) && <Minimap cy={cy} drawn={drawn} tick={view.tick} />}
    </>
  );
}
