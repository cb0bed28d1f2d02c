/** App-wide context: the loaded data set (for captions) and the current graph's "select if drawn" hook (for search). */
import { createContext, useContext, useEffect, type RefObject } from "react";

export interface Dataset {
  systems: { id: string; name: string }[];
}

export const DatasetContext = createContext<Dataset>({ systems: [] });
export const useDataset = () => useContext(DatasetContext);

/** Set by the graph on screen: selects the node and returns true when it is drawn there. */
export type FocusHook = (id: string) => boolean;
export const FocusContext = createContext<RefObject<FocusHook | null>>({ current: null });
export const useFocusHook = () => useContext(FocusContext);

/** The caption of an export: the systems in the picture (by name; all loaded ones when none is named), the date, the tool. */
export function datasetCaption(d: Dataset, systemsInPicture?: readonly string[], date = new Date()): string {
  const inPicture = systemsInPicture && systemsInPicture.length > 0 ? d.systems.filter((s) => systemsInPicture.includes(s.id)) : d.systems;
  const names = inPicture.map((s) => s.name).sort((a, b) => a.localeCompare(b));
  const when = date.toLocaleString("en-GB", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  return `Data set: ${names.length ? `${names.join(", ")} inventories` : "personal-data inventories"} · Exported ${when} · Personal-data lineage explorer`;
}

/** While a graph is on screen, a search result it draws is selected and brought into view instead of opening a new view. */
export function useFocusTarget(drawn: ReadonlySet<string>, select: (id: string) => void, graph: RefObject<{ focus: (id: string) => void } | null>): void {
  const focusHook = useFocusHook();
  useEffect(() => {
    focusHook.current = (id) => {
      if (!drawn.has(id)) return false;
      select(id);
      graph.current?.focus(id);
      return true;
    };
    return () => {
      focusHook.current = null;
    };
  }, [drawn, focusHook, select, graph]);
}
