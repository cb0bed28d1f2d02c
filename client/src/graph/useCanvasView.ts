/**
 * Moving the view: the selection made outside the canvas (URL, list, search) brought into view with its paths lit, and
 * the `fit`/`focus` the screen calls. Past ANIMATE_UNDER elements, view changes jump instead of animating every frame.
 */
import type { CollectionReturnValue, Core } from "cytoscape";
import { useEffect, useImperativeHandle, type Ref, type RefObject } from "react";

import type { PathHighlight } from "./usePathHighlight";
import { allowFit, fitZoom, PAD, placeReadable } from "./viewport";

export interface GraphHandle {
  cy: () => Core | null;
  fit: () => void;
  focus: (id: string) => void;
}

/** Past this many elements, view changes (fit, focus) jump instead of animating every element's frame. */
export const ANIMATE_UNDER = 1000;

/** Selection from outside (URL, list, search): select, light its paths, bring it into view. */
export function useSelectionInView(cyRef: RefObject<Core | null>, selected: string | null, highlight: PathHighlight, animate: RefObject<boolean>): void {
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.$(":selected").unselect();
    const n = selected ? cy.getElementById(selected) : null;
    if (n && n.nonempty()) {
      n.select();
      highlight.show(cy, n);
      const bb = cy.extent();
      const p = n.position();
      if (p.x < bb.x1 || p.x > bb.x2 || p.y < bb.y1 || p.y > bb.y2) {
        if (animate.current) cy.animate({ center: { eles: n }, duration: 250 });
        else cy.center(n);
      }
    } else {
      highlight.show(cy, null);
    }
  }, [selected]);
}

export function useGraphHandle(
  ref: Ref<GraphHandle> | undefined,
  cyRef: RefObject<Core | null>,
  opts: { readable: RefObject<number>; animate: RefObject<boolean>; anchorOf: (cy: Core) => CollectionReturnValue },
): void {
  const { readable, animate, anchorOf } = opts;
  useImperativeHandle(
    ref,
    () => ({
      cy: () => cyRef.current,
      // The whole picture when it is readable so; else the readable zoom on the anchor, the minimap and the
      // hints showing where the rest is: "Fit" never zooms until labels disappear.
      fit: () => {
        const cy = cyRef.current;
        if (!cy) return;
        allowFit(cy);
        if (fitZoom(cy) >= readable.current) {
          if (animate.current) cy.animate({ fit: { eles: cy.elements(), padding: PAD }, duration: 250 });
          else cy.fit(undefined, PAD);
        } else placeReadable(cy, anchorOf(cy), readable.current);
      },
      focus: (id: string) => {
        const cy = cyRef.current;
        const n = cy?.getElementById(id);
        if (!cy || !n || n.empty()) return;
        if (animate.current) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 0.9), duration: 300 });
        else {
          cy.zoom(Math.max(cy.zoom(), 0.9));
          cy.center(n);
        }
        n.flashClass("flash", 900);
      },
    }),
    [],
  );
}
