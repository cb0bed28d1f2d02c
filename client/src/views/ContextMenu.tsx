/** The graph's context menu (right-click on a node): details, referenced by, trace, expand, collapse, explore. */
import { parseNodeId, underlyingId } from "@contract/ids";
import { useCallback, useState } from "react";
import { useNavigate } from "react-router";

import { KIND_LOOK } from "../graph/kinds";
import { exploreLink, referencedByLink, TRACEABLE, traceLink } from "../lib/links";

export interface MenuAt {
  id: string;
  x: number;
  y: number;
}

/** Where the menu is open (on which node, at which canvas point), or null. */
export function useContextMenu(): { menu: MenuAt | null; open: (id: string, at: { x: number; y: number }) => void; close: () => void } {
  const [menu, setMenu] = useState<MenuAt | null>(null);
  const open = useCallback((id: string, at: { x: number; y: number }) => setMenu({ id, ...at }), []);
  const close = useCallback(() => setMenu(null), []);
  return { menu, open, close };
}

export function ContextMenu({
  menu,
  onClose,
  onSelect,
  onExpand,
  onCollapse,
}: {
  menu: MenuAt;
  onClose: () => void;
  onSelect: (id: string) => void;
  onExpand: ((id: string) => void) | undefined;
  onCollapse: ((id: string) => void) | undefined;
}) {
  const navigate = useNavigate();
  const target = underlyingId(menu.id);
  const p = parseNodeId(target);
  const go = (fn: () => void) => () => {
    onClose();
    fn();
  };
  return (
    <div className="context-menu" role="menu" style={{ left: menu.x + 8, top: menu.y + 8 }} onMouseLeave={onClose}>
      <p className="context-menu__title">{p ? `${KIND_LOOK[p.kind].name}: ${p.key}` : menu.id}</p>
      <button type="button" role="menuitem" onClick={go(() => onSelect(menu.id))}>
        Show details
      </button>
      {p?.kind === "table" && (
        <button type="button" role="menuitem" onClick={go(() => void navigate(referencedByLink(p.key)))}>
          Referenced by <kbd>R</kbd>
        </button>
      )}
      {p && TRACEABLE.includes(p.kind) && (
        <button type="button" role="menuitem" onClick={go(() => void navigate(traceLink(target)))}>
          Trace to vendors <kbd>T</kbd>
        </button>
      )}
      {onExpand && (
        <button type="button" role="menuitem" onClick={go(() => onExpand(menu.id))}>
          Expand neighbours <kbd>X</kbd>
        </button>
      )}
      {onCollapse && (
        <button type="button" role="menuitem" onClick={go(() => onCollapse(menu.id))}>
          Collapse <kbd>C</kbd>
        </button>
      )}
      <button type="button" role="menuitem" onClick={go(() => void navigate(exploreLink(target)))}>
        Explore from here <kbd>E</kbd>
      </button>
    </div>
  );
}
