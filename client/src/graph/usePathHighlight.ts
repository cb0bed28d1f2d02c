/**
 * Hovering or selecting a node fades everything not on its paths. Which node is lit is canvas state: it lives in a
 * ref and in Cytoscape's classes, never in React state, so a hover re-renders nothing.
 */
import type { Core, NodeSingular } from "cytoscape";
import { useCallback, useRef } from "react";

function pathsOf(node: NodeSingular) {
  return node.predecessors().union(node.successors()).union(node);
}

export interface PathHighlight {
  /** Lights `node`'s paths (null: none). */
  show: (cy: Core, node: NodeSingular | null) => void;
  /** Lights the selected node's paths again (after a hover leaves a node). */
  restore: (cy: Core) => void;
}

/** `selected`: the selected node's id, read when a hover ends. */
export function usePathHighlight(selected: { readonly current: string | null }): PathHighlight {
  // The node whose paths are lit, or null.
  const lit = useRef<string | null>(null);
  const show = useCallback((cy: Core, node: NodeSingular | null) => {
    cy.batch(() => {
      cy.$(".faded, .on-path").removeClass("faded on-path");
      lit.current = null;
      if (!node || node.removed()) return;
      const on = pathsOf(node);
      cy.elements().not(on).addClass("faded");
      on.edges().addClass("on-path");
      lit.current = node.id();
    });
  }, []);
  const restore = useCallback(
    (cy: Core) => {
      const id = selected.current;
      const n = id ? cy.getElementById(id) : null;
      show(cy, n && n.nonempty() && n.isNode() ? n : null);
    },
    [selected, show],
  );
  return { show, restore };
}
