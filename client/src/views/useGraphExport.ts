/** The DPIA exports of a graph screen: PNG or SVG of what is drawn, with title, legend and a caption of the data set and filters. */
import type { Elements } from "@contract/api";
import { useState } from "react";

import { datasetCaption, useDataset } from "./context";
import { activeFilterCount, type FilterOptions, type Filters } from "../graph/filters";
import { KIND_LOOK } from "../graph/kinds";
import type { LegendItem } from "../graph/legend";
import { download, slug } from "../lib/download";

export interface ExportState {
  /** The format being exported, while it is. */
  exporting: null | "png" | "svg";
  error: string | null;
  /** Said after an export that needs more than one page to print legibly. */
  note: string | null;
  start: (format: "png" | "svg") => Promise<void>;
}

export function useGraphExport(what: {
  shown: Elements;
  roots: string[];
  lanes: boolean;
  edgeLabels: boolean;
  mergeEdges: boolean;
  title: string;
  subtitle: string | undefined;
  legend: LegendItem[];
  filters: Filters;
  options: FilterOptions;
}): ExportState {
  const dataset = useDataset();
  const [exporting, setExporting] = useState<null | "png" | "svg">(null);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const start = async (format: "png" | "svg") => {
    const { shown, roots, lanes, edgeLabels, mergeEdges, title, subtitle, legend, filters, options } = what;
    setExporting(format);
    setError(null);
    setNote(null);
    try {
      const systems = [...new Set(shown.nodes.flatMap((n) => (n.data.system ? [n.data.system] : [])))];
      const caption = [datasetCaption(dataset, systems), filtersCaption(filters, options)].filter(Boolean).join(" · ");
      const meta = { title, ...(subtitle ? { subtitle } : {}), caption, legend };
      const name = `${slug(title)}-${new Date().toISOString().slice(0, 10)}.${format}`;
      // The exporter (an off-screen Cytoscape, the SVG writer, the print layout, the font inlined) loads on first use.
      const { exportFigure, fitSentence } = await import("../graph/export");
      const figure = await exportFigure(format, { elements: shown, roots, lanes, edgeLabels, mergeEdges }, meta);
      download(figure.blob, name);
      if (figure.fit.pages > 1) setNote(fitSentence(figure.fit));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setExporting(null);
    }
  };
  return { exporting, error, note, start };
}

/** "Filters: Vendors = Gravatar; Countries = United States": the filters in force, in the words of the menu. */
export function filtersCaption(f: Filters, options: FilterOptions): string {
  if (activeFilterCount(f) === 0) return "";
  const named = (values: string[], opts: { value: string; label: string }[]) => values.map((v) => opts.find((o) => o.value === v)?.label ?? v).join(", ");
  const parts = [
    f.systems.length ? `Systems = ${named(f.systems, options.systems)}` : "",
    f.categories.length ? `Data categories = ${named(f.categories, options.categories)}` : "",
    f.vendors.length ? `Vendors = ${named(f.vendors, options.vendors)}` : "",
    f.countries.length ? `Countries = ${named(f.countries, options.countries)}` : "",
    f.transfers.length ? `Transfer status = ${named(f.transfers, options.transfers)}` : "",
    f.hiddenKinds.length ? `Hidden: ${f.hiddenKinds.map((k) => KIND_LOOK[k].plural).join(", ")}` : "",
    f.hideSystemColumns ? "System columns hidden" : "",
  ].filter(Boolean);
  return `Filters: ${parts.join("; ")}`;
}
