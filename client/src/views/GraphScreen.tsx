/**
 * The frame every graph view shares: heading and actions, the graph with its legend, filters from the URL,
 * the result list and the details panel, keyboard shortcuts, a context menu and the DPIA exports.
 */
import type { Elements, Omitted } from "@contract/api";
import { underlyingId } from "@contract/ids";
import { FileImage, FileCode2, Maximize2, TriangleAlert } from "lucide-react";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";

import { ContextMenu, useContextMenu } from "./ContextMenu";
import { useDataset, useFocusTarget } from "./context";
import { useGraphExport } from "./useGraphExport";
import { useGraphKeys } from "./useGraphKeys";
import { FilterMenu } from "../components/FilterMenu";
import { Legend } from "../components/Legend";
import { NodeDetails } from "../components/NodeDetails";
import { Empty } from "../components/States";
import { GraphCanvas, type GraphHandle } from "../graph/GraphCanvas";
import { toModel } from "../graph/elements";
import { applyFilters, filterOptions, withoutDataFilters, type FilterOptions } from "../graph/filters";
import { elkLayout, warmLayoutFor } from "../graph/flowLayout";
import { legendItems } from "../graph/legend";
import { canvasMeasure } from "../graph/measure";
import { omittedSentence } from "../graph/omitted";
import { buildStylesheet } from "../graph/stylesheet";
import { exploreLink } from "../lib/links";
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
  const graph = useRef<GraphHandle>(null);
  const selected = params.has("node") ? params.get("node") || null : (defaultSelected ?? null);
  const [tab, setTab] = useState<Tab>(selected ? "details" : "results");
  const { menu, open: openMenu, close: closeMenu } = useContextMenu();

  const filters = useMemo(() => readFilters(params), [params]);
  const systemNames = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const options = useMemo(() => ({ ...filterOptions(elements, systemNames), ...serverFilters }), [elements, systemNames, serverFilters]);
  const shown = useMemo(() => applyFilters(elements, serverFilters ? withoutDataFilters(filters) : filters, roots), [elements, filters, roots, serverFilters]);
  // ELK's worker starts now when the picture is one it lays out, beside building the model and the canvas.
  useMemo(() => warmLayoutFor(shown), [shown]);
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
      closeMenu();
      if (id) setTab("details");
    },
    [setParams, defaultSelected, onOpen, closeMenu],
  );

  useFocusTarget(drawn, select, graph);

  useEffect(() => {
    if (selected) setTab("details");
  }, [selected]);

  useGraphKeys({ selected, select, graph, closeMenu, onExpand, onCollapse });
  const exported = useGraphExport({ shown, roots, lanes, edgeLabels, mergeEdges, title, subtitle: subtitleText, legend, filters, options });

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
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => void exported.start("png")} disabled={!hasGraph || exported.exporting !== null} title="The whole graph at print resolution, with title, legend and caption">
              <FileImage size={14} aria-hidden /> {exported.exporting === "png" ? "Exporting…" : "Export PNG"}
            </button>
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => void exported.start("svg")} disabled={!hasGraph || exported.exporting !== null} title="The whole graph as a vector picture, with title, legend and caption">
              <FileCode2 size={14} aria-hidden /> {exported.exporting === "svg" ? "Exporting…" : "Export SVG"}
            </button>
          </div>
        </header>
        {capNote && (
          <div className="banner" role="status" data-testid="truncation-note">
            <TriangleAlert size={15} aria-hidden />
            {capNote}
          </div>
        )}
        {(exported.error || exported.note) && (
          <div className="banner" role="status" data-testid="export-note">
            <TriangleAlert size={15} aria-hidden />
            {exported.error ? `The export failed: ${exported.error}` : `Exported. ${exported.note}`}
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
                onContext={openMenu}
                ariaLabel={`${title}: ${shown.nodes.length} nodes, ${shown.edges.length} links`}
                waiting={refreshing}
              />
              <p className="stage__hint" aria-hidden>
                {onExpand ? "Click to select · double-click to expand · right-click for actions · scroll to zoom" : "Click to select · right-click for actions · scroll to zoom"}
              </p>
              {menu && <ContextMenu menu={menu} onClose={closeMenu} onSelect={select} onExpand={onExpand} onCollapse={onCollapse} />}
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
