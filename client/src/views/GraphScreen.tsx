/**
 * The frame every graph view shares: heading and actions, the graph with its legend, filters from the URL,
 * the result list and the details panel, keyboard shortcuts, a context menu and the DPIA exports.
 */
import type { Elements, Omitted } from "@contract/api";
import { parseNodeId, underlyingId } from "@contract/ids";
import { FileImage, FileCode2, Maximize2, TriangleAlert } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";

import { datasetCaption, useDataset, useFocusHook } from "./context";
import { FilterMenu } from "../components/FilterMenu";
import { Legend } from "../components/Legend";
import { exploreLink, NodeDetails, referencedByLink, TRACEABLE, traceLink } from "../components/NodeDetails";
import { Empty } from "../components/States";
import { GraphCanvas, type GraphHandle } from "../graph/GraphCanvas";
import { toModel } from "../graph/elements";
import { exportFigure, fitSentence } from "../graph/export";
import { activeFilterCount, applyFilters, filterOptions, withoutDataFilters, type FilterOptions, type Filters } from "../graph/filters";
import { elkLayout } from "../graph/flowLayout";
import { KIND_LOOK } from "../graph/kinds";
import { legendItems } from "../graph/legend";
import { canvasMeasure } from "../graph/measure";
import { omittedSentence } from "../graph/omitted";
import { buildStylesheet } from "../graph/stylesheet";
import { download, slug } from "../lib/download";
import { readFilters, withParam, writeFilters } from "../lib/urlState";

const STYLESHEET = buildStylesheet();

export interface GraphScreenProps {
  /** The answer on screen is an earlier one while the new one loads (e.g. after a filter change). */
  refreshing?: boolean;
  /** Heading on screen and title of the exported picture. */
  title: string;
  /** Under the title; given the drawn (filtered) elements, so its counts describe what is shown. */
  subtitle?: string | ((shown: Elements) => string);
  elements: Elements;
  /**
   * The data filters' choices when the server applies them (a trace): the answer is already filtered, so its list,
   * counts and exports agree with the picture. Without it, the filters apply here, to the picture and to `results`.
   */
  serverFilters?: Pick<FilterOptions, "categories" | "vendors" | "countries" | "transfers">;
  roots: string[];
  lanes: boolean;
  edgeLabels?: boolean;
  truncated?: boolean;
  /** What a capped answer left out (the server's `omitted`), said above the picture with `truncatedHint`. */
  omitted?: Omitted | undefined;
  /** What the reader can do about a capped answer, e.g. "narrow with filters or expand tables". */
  truncatedHint?: string;
  /**
   * Opening an aggregate (a group of vendors, a collapsed table): a click on it calls this instead of selecting it.
   * Receives the node's id; returns false when the node is not an aggregate (then it is selected as usual).
   */
  onOpen?: (id: string) => boolean;
  /** The list beside the graph, given the drawn (filtered) elements. */
  results: ReactNode | ((shown: Elements) => ReactNode);
  /** What the view knows of a selected node beyond the graph, shown in its details (a trace: a vendor's fields and paths). */
  detailsExtra?: (id: string) => ReactNode;
  toolbar?: ReactNode;
  onExpand?: (id: string) => void;
  onCollapse?: (id: string) => void;
  /** Shown instead of the graph when there is nothing to draw. */
  empty?: ReactNode;
  /** Edges into one node share one port: clean for star-shaped answers, ambiguous for flows. */
  mergeEdges?: boolean;
  /** Selected when the URL names no node (e.g. the table of /tables/:name). */
  defaultSelected?: string;
}

type Tab = "results" | "details";

export function GraphScreen({ refreshing = false, title, subtitle, elements, serverFilters, roots, lanes, edgeLabels = false, truncated, omitted, truncatedHint = "narrow it with a more specific start or a smaller depth", onOpen, results, detailsExtra, toolbar, onExpand, onCollapse, empty, defaultSelected, mergeEdges = edgeLabels }: GraphScreenProps) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const dataset = useDataset();
  const focusHook = useFocusHook();
  const graph = useRef<GraphHandle>(null);
  const selected = params.has("node") ? params.get("node") || null : (defaultSelected ?? null);
  const [tab, setTab] = useState<Tab>(selected ? "details" : "results");
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const [exporting, setExporting] = useState<null | "png" | "svg">(null);
  const [exportError, setExportError] = useState<string | null>(null);
  /** Said after an export that needs more than one page to print legibly. */
  const [exportNote, setExportNote] = useState<string | null>(null);

  const filters = useMemo(() => readFilters(params), [params]);
  const systemNames = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const options = useMemo(() => ({ ...filterOptions(elements, systemNames), ...serverFilters }), [elements, systemNames, serverFilters]);
  const shown = useMemo(() => applyFilters(elements, serverFilters ? withoutDataFilters(filters) : filters, roots), [elements, filters, roots, serverFilters]);
  const subtitleText = typeof subtitle === "function" ? subtitle(shown) : subtitle;
  const cyElements = useMemo(() => {
    performance.mark("graph:model");
    const m = toModel(shown, { measure: canvasMeasure, roots, edgeLabels });
    return [...m.nodes, ...m.edges];
  }, [shown, roots, edgeLabels]);
  const layout = useMemo(() => elkLayout({ lanes, mergeEdges, roots }), [lanes, mergeEdges, roots]);
  const legend = useMemo(() => legendItems(shown), [shown]);
  const drawn = useMemo(() => new Set(shown.nodes.map((n) => n.data.id)), [shown]);

  const select = useCallback(
    (id: string | null) => {
      if (id && onOpen?.(id)) return;
      setParams(
        (p) => {
          // An empty `node=` keeps a default selection from coming back after the user closed it.
          if (!id && defaultSelected) return new URLSearchParams([...[...p.entries()].filter(([k]) => k !== "node"), ["node", ""]]);
          return withParam(p, "node", id);
        },
        { replace: true },
      );
      setMenu(null);
      if (id) setTab("details");
    },
    [setParams, defaultSelected, onOpen],
  );

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
  }, [drawn, focusHook, select]);

  useEffect(() => {
    if (selected) setTab("details");
  }, [selected]);

  // Keyboard: R referenced by, T trace, E explore, X expand, C collapse, F fit, Esc deselect.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const target = selected ? underlyingId(selected) : null;
      const p = target ? parseNodeId(target) : null;
      const key = e.key.toLowerCase();
      if (key === "escape") {
        setMenu(null);
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
  }, [selected, select, navigate, onExpand, onCollapse]);

  const doExport = async (format: "png" | "svg") => {
    setExporting(format);
    setExportError(null);
    setExportNote(null);
    try {
      const systems = [...new Set(shown.nodes.flatMap((n) => (n.data.system ? [n.data.system] : [])))];
      const caption = [datasetCaption(dataset, systems), filtersCaption(filters, options)].filter(Boolean).join(" · ");
      const meta = { title, ...(subtitleText ? { subtitle: subtitleText } : {}), caption, legend };
      const name = `${slug(title)}-${new Date().toISOString().slice(0, 10)}.${format}`;
      const figure = await exportFigure(format, { elements: shown, roots, lanes, edgeLabels, mergeEdges }, meta);
      download(figure.blob, name);
      if (figure.fit.pages > 1) setExportNote(fitSentence(figure.fit));
    } catch (err) {
      setExportError(err instanceof Error ? err.message : String(err));
    } finally {
      setExporting(null);
    }
  };

  const hasGraph = shown.nodes.length > 0;
  const capNote = omittedSentence(truncated, omitted, truncatedHint);
  return (
    // Which address this screen draws, so a reader (a test, an extension) can tell it from the one being left.
    <div className="screen" data-location={location.pathname + location.search}>
      <div className="screen__main">
        <header className="screen__header">
          <div className="screen__titles">
            <h1 className="screen__title">{title}</h1>
            {subtitleText && <p className="screen__subtitle">{subtitleText}</p>}
          </div>
          <div className="toolbar" role="toolbar" aria-label="Graph tools">
            {refreshing && (
              <span className="muted small" role="status">
                Updating…
              </span>
            )}
            {toolbar}
            <FilterMenu options={options} filters={filters} onChange={(f) => setParams((p) => writeFilters(p, f), { replace: true })} />
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => graph.current?.fit()} title="Fit the whole graph (F)" disabled={!hasGraph}>
              <Maximize2 size={14} aria-hidden /> Fit
            </button>
            <span className="toolbar__sep" aria-hidden />
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => void doExport("png")} disabled={!hasGraph || exporting !== null} title="The whole graph at print resolution, with title, legend and caption">
              <FileImage size={14} aria-hidden /> {exporting === "png" ? "Exporting…" : "Export PNG"}
            </button>
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => void doExport("svg")} disabled={!hasGraph || exporting !== null} title="The whole graph as a vector picture, with title, legend and caption">
              <FileCode2 size={14} aria-hidden /> {exporting === "svg" ? "Exporting…" : "Export SVG"}
            </button>
          </div>
        </header>
        {capNote && (
          <div className="banner" role="status" data-testid="truncation-note">
            <TriangleAlert size={15} aria-hidden />
            {capNote}
          </div>
        )}
        {(exportError || exportNote) && (
          <div className="banner" role="status" data-testid="export-note">
            <TriangleAlert size={15} aria-hidden />
            {exportError ? `The export failed: ${exportError}` : `Exported. ${exportNote}`}
          </div>
        )}
        <div className="stage">
          {hasGraph ? (
            <>
              <GraphCanvas
                ref={graph}
                elements={cyElements}
                stylesheet={STYLESHEET}
                layout={layout}
                selected={selected}
                onSelect={select}
                anchor={selected && drawn.has(selected) ? [selected] : roots}
                anyWebgl={params.get("webgl") === "any"}
                {...(onExpand ? { onExpand } : {})}
                onContext={(id, at) => setMenu({ id, ...at })}
                ariaLabel={`${title}: ${shown.nodes.length} nodes, ${shown.edges.length} links`}
                waiting={refreshing}
              />
              <p className="stage__hint" aria-hidden>
                {onExpand ? "Click to select · double-click to expand · right-click for actions · scroll to zoom" : "Click to select · right-click for actions · scroll to zoom"}
              </p>
              {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} onSelect={select} onExpand={onExpand} onCollapse={onCollapse} />}
            </>
          ) : (
            (empty ?? <Empty title="Nothing to draw">{elements.nodes.length > 0 ? "The filters hide every node. Clear them to see the graph." : "This answer has no nodes."}</Empty>)
          )}
        </div>
        {hasGraph && (
          <footer className="stage-footer">
            <Legend items={legend} />
          </footer>
        )}
      </div>
      <aside className="panel" aria-label="Side panel">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === "results"} className={`tab${tab === "results" ? " is-active" : ""}`} onClick={() => setTab("results")}>
            Results
          </button>
          <button type="button" role="tab" aria-selected={tab === "details"} className={`tab${tab === "details" ? " is-active" : ""}`} onClick={() => setTab("details")} disabled={!selected}>
            Details
          </button>
        </div>
        <div className="panel__body">
          {tab === "results" || !selected ? (
            typeof results === "function" ? results(shown) : results
          ) : (
            <NodeDetails
              id={underlyingId(selected)}
              onClose={() => {
                select(null);
                setTab("results");
              }}
              onPick={(id) => {
                if (drawn.has(id)) {
                  select(id);
                  graph.current?.focus(id);
                } else void navigate(`${exploreLink(id)}&node=${encodeURIComponent(id)}`);
              }}
            >
              {detailsExtra?.(underlyingId(selected))}
            </NodeDetails>
          )}
        </div>
      </aside>
    </div>
  );
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

function ContextMenu({
  menu,
  onClose,
  onSelect,
  onExpand,
  onCollapse,
}: {
  menu: { id: string; x: number; y: number };
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
