/** The filter popover: kinds, systems, categories, vendors, countries, and "hide system columns". */
import type { NodeKind } from "@contract/ids";
import { SlidersHorizontal } from "lucide-react";
import { useEffect, useRef } from "react";

import { KindIcon } from "./KindIcon";
import { TransferBadge } from "./TransferBadge";
import { activeFilterCount, NO_FILTERS, type FilterOption, type FilterOptions, type Filters } from "../graph/filters";
import { KIND_LOOK } from "../graph/kinds";


function toggle<T>(list: T[], v: T): T[] {
  return list.includes(v) ? list.filter((x) => x !== v) : [...list, v];
}

function OptionGroup({ title, options, selected, onChange }: { title: string; options: FilterOption[]; selected: string[]; onChange: (v: string[]) => void }) {
  if (options.length < 2) return null;
  return (
    <fieldset className="filter-group">
      <legend>
        {title}
        {selected.length > 0 && (
          <button type="button" className="linkish small" onClick={() => onChange([])}>
            all
          </button>
        )}
      </legend>
      <div className="filter-group__options">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={selected.includes(o.value)} onChange={() => onChange(toggle(selected, o.value))} />
            <span>{o.label}</span>
            <TransferBadge transfer={o.transfer} />
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function FilterMenu({ options, filters, onChange }: { options: FilterOptions; filters: Filters; onChange: (f: Filters) => void }) {
  const n = activeFilterCount(filters);
  const menu = useRef<HTMLDetailsElement>(null);
  // A popover closes on Esc and on a click outside it, as menus do.
  useEffect(() => {
    const close = () => {
      if (menu.current) menu.current.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && menu.current?.open) close();
    };
    const onDown = (e: PointerEvent) => {
      if (menu.current?.open && e.target instanceof Node && !menu.current.contains(e.target)) close();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onDown);
    };
  }, []);
  return (
    <details className="menu" ref={menu}>
      <summary className={`btn btn--secondary btn--sm${n ? " is-active" : ""}`}>
        <SlidersHorizontal size={14} aria-hidden /> Filters{n ? ` (${n})` : ""}
      </summary>
      <div className="menu__panel filter-panel" role="group" aria-label="Filters">
        <fieldset className="filter-group">
          <legend>Show kinds</legend>
          <div className="filter-group__options filter-group__options--kinds">
            {options.kinds.map((k: NodeKind) => (
              <label key={k} className="check">
                <input type="checkbox" checked={!filters.hiddenKinds.includes(k)} onChange={() => onChange({ ...filters, hiddenKinds: toggle(filters.hiddenKinds, k) })} />
                <KindIcon kind={k} size={11} />
                <span>{KIND_LOOK[k].plural}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {options.hasSystemColumns && (
          <label className="check check--switch">
            <input type="checkbox" checked={filters.hideSystemColumns} onChange={() => onChange({ ...filters, hideSystemColumns: !filters.hideSystemColumns })} />
            <span>Hide system columns</span>
          </label>
        )}
        <OptionGroup title="Systems" options={options.systems} selected={filters.systems} onChange={(systems) => onChange({ ...filters, systems })} />
        <OptionGroup title="Data categories" options={options.categories} selected={filters.categories} onChange={(categories) => onChange({ ...filters, categories })} />
        <OptionGroup title="Vendors" options={options.vendors} selected={filters.vendors} onChange={(vendors) => onChange({ ...filters, vendors })} />
        <OptionGroup title="Countries" options={options.countries} selected={filters.countries} onChange={(countries) => onChange({ ...filters, countries })} />
        <OptionGroup title="Transfer status" options={options.transfers} selected={filters.transfers} onChange={(transfers) => onChange({ ...filters, transfers })} />
        {n > 0 && (
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => onChange(NO_FILTERS)}>
            Clear all filters
          </button>
        )}
      </div>
    </details>
  );
}
