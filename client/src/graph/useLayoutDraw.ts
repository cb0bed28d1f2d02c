/**
 * New elements: lay out first (off the main thread), then swap them in at their final positions, open the view on the
 * anchor and light the selection's paths. Says whether a layout is under way, how it failed, and what was drawn.
 */
import type { CollectionReturnValue, Core, ElementDefinition } from "cytoscape";
import { useEffect, useState, type RefObject } from "react";

import { anchorEdgeLabels, withLayout, type LayoutPatch } from "./layoutPatch";
import type { ViewState } from "./useCytoscape";
import type { PathHighlight } from "./usePathHighlight";
import { beyond, openView, readableZoom } from "./viewport";

export interface DrawState {
  busy: boolean;
  failed: string | null;
  /** How many elements the last finished layout drew: a DOM signal for browser tests and the benchmark. */
  drawn: number | null;
  /** The elements the picture on screen was drawn from. */
  drawnFrom: ElementDefinition[] | null;
}

export function useLayoutDraw(
  cyRef: RefObject<Core | null>,
  elements: ElementDefinition[],
  layout: (elements: ElementDefinition[], aspect?: number) => Promise<LayoutPatch>,
  size: string,
  opts: {
    /** Where the picture opens when it is too big to read whole. */
    anchorOf: (cy: Core) => CollectionReturnValue;
    selected: RefObject<string | null>;
    readable: RefObject<number>;
    highlight: PathHighlight;
    setView: (update: (v: ViewState) => ViewState) => void;
    /** The latest `onDrawn`, called after each layout is drawn. */
    onDrawn: RefObject<((cy: Core) => void) | undefined>;
  },
): DrawState {
  // Busy from the start: the first layout begins as soon as the canvas is mounted, and nothing is drawn before it.
  const [busy, setBusy] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  const [drawn, setDrawn] = useState<number | null>(null);
  // New elements are "busy" from the render that brings them, not only from the effect that starts their layout.
  const [drawnFrom, setDrawnFrom] = useState<ElementDefinition[] | null>(null);
  const { anchorOf, selected, readable, highlight, setView, onDrawn } = opts;

  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    let stale = false;
    setBusy(true);
    setFailed(null);
    // Marks for the benchmark and profiling (performance.getEntriesByType("mark")): where a big picture's time goes.
    performance.mark("graph:layout");
    layout(elements, cy.width() > 0 && cy.height() > 0 ? cy.width() / cy.height() : undefined)
      .then((patch) => {
        if (stale || cy.destroyed()) return;
        performance.mark("graph:laid-out");
        cy.batch(() => {
          cy.elements().remove();
          cy.add(withLayout(elements, patch));
        });
        performance.mark("graph:added");
        anchorEdgeLabels(cy, patch);
        readable.current = readableZoom(cy);
        openView(cy, anchorOf(cy));
        const sel = selected.current ? cy.getElementById(selected.current) : cy.collection();
        if (sel.nonempty()) sel.select();
        highlight.show(cy, sel.nonempty() && sel.isNode() ? (sel) : null);
        performance.mark("graph:viewed");
        setView((v) => ({ beyond: beyond(cy), hidden: false, tick: v.tick + 1 }));
        setBusy(false);
        setDrawn(elements.length);
        setDrawnFrom(elements);
        onDrawn.current?.(cy);
      })
      .catch((err: unknown) => {
        if (stale) return;
        setBusy(false);
        setFailed(err instanceof Error ? err.message : String(err));
      });
    return () => {
      stale = true;
    };
  }, [elements, layout, size]);

  return { busy, failed, drawn, drawnFrom };
}
