/**
 * One Cytoscape instance per size class (the renderer's options cannot change on a live instance), with the canvas's
 * pointer events wired to the latest handlers and what the view shows past its edges measured once a frame.
 */
import cytoscape, { type Core, type NodeSingular, type StylesheetJson } from "cytoscape";
import { useEffect, useRef, useState, type RefObject } from "react";

import type { PathHighlight } from "./usePathHighlight";
import { beyond, type Beyond } from "./viewport";

/** How big a picture the instance is made for: WebGL, the 2D canvas simplified while moving, or the plain 2D canvas. */
export type SizeClass = "webgl" | "large" | "normal";

export interface CanvasHandlers {
  onSelect?: ((id: string | null) => void) | undefined;
  onExpand?: ((id: string) => void) | undefined;
  onContext?: ((id: string, at: { x: number; y: number }) => void) | undefined;
}

/** What lies past the canvas's edges and whether labels are hidden; `tick` changes with every move of the view. */
export interface ViewState {
  beyond: Beyond;
  hidden: boolean;
  tick: number;
}

export const NO_VIEW: ViewState = { beyond: { left: 0, right: 0, top: 0, bottom: 0 }, hidden: false, tick: 0 };

export function useCytoscape(
  container: RefObject<HTMLDivElement | null>,
  size: SizeClass,
  stylesheet: StylesheetJson,
  opts: {
    handlers: CanvasHandlers;
    highlight: PathHighlight;
    /** The zoom at which the smallest label is readable, read after each layout. */
    readable: RefObject<number>;
  },
): { cy: RefObject<Core | null>; view: ViewState; setView: (update: (v: ViewState) => ViewState) => void } {
  const cyRef = useRef<Core | null>(null);
  const handlers = useRef(opts.handlers);
  handlers.current = opts.handlers;
  const { highlight, readable } = opts;
  const [view, setView] = useState<ViewState>(NO_VIEW);

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: stylesheet,
      elements: [],
      minZoom: 0.03,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: true,
      selectionType: "single",
      textureOnViewport: size === "large",
      hideEdgesOnViewport: size === "large",
      pixelRatio: "auto",
      ...(size === "webgl" ? { renderer: { name: "canvas", webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;

    cy.on("mouseover", "node", (e) => highlight.show(cy, e.target as NodeSingular));
    cy.on("mouseout", "node", () => highlight.restore(cy));
    cy.on("tap", (e) => {
      if (e.target === cy) handlers.current.onSelect?.(null);
      else if ((e.target as Partial<NodeSingular>).isNode?.()) handlers.current.onSelect?.((e.target as NodeSingular).id());
    });
    cy.on("dbltap", "node", (e) => handlers.current.onExpand?.((e.target as NodeSingular).id()));
    cy.on("cxttap", "node", (e) => {
      const p = (e.target as NodeSingular).renderedPosition();
      handlers.current.onContext?.((e.target as NodeSingular).id(), { x: p.x, y: p.y });
    });
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (cy.destroyed() || cy.elements().empty()) return;
      setView((v) => ({ beyond: beyond(cy), hidden: cy.zoom() < readable.current * 0.999, tick: v.tick + 1 }));
    };
    cy.on("viewport resize", () => {
      frame ||= requestAnimationFrame(measure);
    });
    return () => {
      if (frame) cancelAnimationFrame(frame);
      cyRef.current = null;
      cy.destroy();
    };
    // The stylesheet is fixed per app; the instance is rebuilt only when the size class changes.
  }, [size]);

  return { cy: cyRef, view, setView };
}
