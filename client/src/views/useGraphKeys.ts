/** Keyboard on a graph screen: R referenced by, T trace, E explore, X expand, C collapse, F fit, Esc deselect. */
import { parseNodeId, underlyingId } from "@contract/ids";
import { useEffect, type RefObject } from "react";
import { useNavigate } from "react-router";

import type { GraphHandle } from "../graph/GraphCanvas";
import { exploreLink, referencedByLink, TRACEABLE, traceLink } from "../lib/links";

export function useGraphKeys({
  selected,
  select,
  graph,
  closeMenu,
  onExpand,
  onCollapse,
}: {
  selected: string | null;
  select: (id: string | null) => void;
  graph: RefObject<GraphHandle | null>;
  closeMenu: () => void;
  onExpand: ((id: string) => void) | undefined;
  onCollapse: ((id: string) => void) | undefined;
}): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const target = selected ? underlyingId(selected) : null;
      const p = target ? parseNodeId(target) : null;
      const key = e.key.toLowerCase();
      if (key === "escape") {
        closeMenu();
        if (selected) select(null);
      } else if (key === "f") graph.current?.fit();
      else if (p && key === "r" && p.kind === "table") void navigate(referencedByLink(p.key));
      else if (p && key === "t" && TRACEABLE.includes(p.kind)) void navigate(traceLink(target!));
      else if (p && key === "e") void navigate(exploreLink(target!));
      else if (p && key === "x" && onExpand) onExpand(selected!);
      else if (p && key === "c" && onCollapse) onCollapse(selected!);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selected, select, navigate, onExpand, onCollapse, graph, closeMenu]);
}
