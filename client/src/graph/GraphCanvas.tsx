/**
 * The Cytoscape wrapper. It knows nothing of the domain: it draws the element definitions it is given with the
 * stylesheet it is given, asks the `layout` function for positions (ELK runs in a worker), and reports taps,
 * double-taps and context taps. Hovering or selecting a node fades everything not on its paths.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from "cytoscape";
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";

import { isSoftwareRenderer, LARGE, rendererFor, type WebglSupport } from "./renderer";

export interface LayoutPatch {
  positions: Record<string, { x: number; y: number }>;
  /** Per-edge data and classes the layout computed (routes); `labelAt` anchors the edge label at a model point. */
  edges?: Record<string, { data?: Record<string, unknown>; classes?: string; labelAt?: { x: number; y: number } }>;
}

export interface GraphHandle {
  cy: () => Core | null;
  fit: () => void;
  focus: (id: string) => void;
}

export interface GraphCanvasProps {
  /** A new answer is on its way: the picture on screen is about to be replaced (said to assistive technology). */
  waiting?: boolean;
  elements: ElementDefinition[];
  stylesheet: StylesheetJson;
  /** Positions for the elements; `aspect` is the canvas's width / height, for layouts that fit the picture to it. */
  layout: (elements: ElementDefinition[], aspect?: number) => Promise<LayoutPatch>;
  selected?: string | null;
  onSelect?: (id: string | null) => void;
  onExpand?: (id: string) => void;
  onContext?: (id: string, at: { x: number; y: number }) => void;
  /** Called after each layout is drawn. */
  onDrawn?: (cy: Core) => void;
  ariaLabel: string;
  /** When the whole graph would be drawn too small to read, start zoomed in on these instead. */
  anchor?: readonly string[];
  /** Use WebGL for a big picture even when the browser's WebGL is a software rasteriser (slower than the 2D canvas). */
  anyWebgl?: boolean;
  ref?: Ref<GraphHandle>;
}

/** The element definitions at the layout's positions, with the routes it computed as edge data and classes. */
export function withLayout(elements: ElementDefinition[], patch: LayoutPatch): ElementDefinition[] {
  return elements.map((el) => {
    if (el.group === "edges" || el.data.source) {
      const p = patch.edges?.[el.data.id!];
      return { ...el, data: { ...el.data, ...p?.data }, classes: [el.classes, p?.classes].filter(Boolean).join(" ") };
    }
    return { ...el, position: patch.positions[el.data.id!] ?? { x: 0, y: 0 } };
  });
}

/** Edge labels at the layout's anchor: Cytoscape draws them at the route's midpoint, so shift by the difference. */
export function anchorEdgeLabels(cy: Core, patch: LayoutPatch): void {
  cy.batch(() => {
    for (const [id, p] of Object.entries(patch.edges ?? {})) {
      if (!p.labelAt) continue;
      const edge = cy.getElementById(id);
      if (edge.empty()) continue;
      const mid = edge.midpoint();
      edge.data({ lblDx: p.labelAt.x - mid.x, lblDy: p.labelAt.y - mid.y });
    }
  });
}

/** After centring on an anchor near the graph's edge: pan so no side shows empty canvas where the graph goes on. */
function keepFilled(cy: Core, pad: number): void {
  const bb = cy.elements().renderedBoundingBox();
  const shift = (lo: number, hi: number, size: number) => (hi - lo <= size - 2 * pad ? 0 : lo > pad ? pad - lo : hi < size - pad ? size - pad - hi : 0);
  cy.panBy({ x: shift(bb.x1, bb.x2, cy.width()), y: shift(bb.y1, bb.y2, cy.height()) });
}

/** The first fit never draws a label smaller than this many pixels: a big graph opens at that zoom on its anchor. */
const MIN_LABEL_PX = 9;

/** The zoom at which the smallest label drawn is MIN_LABEL_PX tall (read from the stylesheet, not assumed). */
function readableZoom(cy: Core): number {
  let smallest = Infinity;
  // Elements with the same classes share their font size: read one of each (reading every element's style made
  // Cytoscape resolve the styles of a 1,700-element picture a second time).
  const seen = new Set<string>();
  cy.elements().forEach((el) => {
    const key = `${el.group()} ${el.classes().join(" ")}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (!el.style("label")) return;
    const size = parseFloat(el.style("font-size") as string);
    if (size > 0) smallest = Math.min(smallest, size);
  });
  // A hair above: at exactly MIN_LABEL_PX, rounding could put labels under min-zoomed-font-size and hide them.
  return Number.isFinite(smallest) ? (MIN_LABEL_PX / smallest) * 1.001 : 0;
}

/** Past this many elements, view changes (fit, focus) jump instead of animating every element's frame. */
const ANIMATE_UNDER = 1000;

/** Cytoscape clamps every zoom to minZoom: let it go low enough that "Fit" shows the whole graph, whatever its size. */
function allowFit(cy: Core, padding: number): void {
  const bb = cy.elements().boundingBox();
  if (bb.w <= 0 || bb.h <= 0) return;
  const need = Math.min((cy.width() - 2 * padding) / bb.w, (cy.height() - 2 * padding) / bb.h);
  if (need < cy.minZoom()) cy.minZoom(Math.max(1e-3, need * 0.9));
}

let webgl2: WebglSupport | null = null;
/** The browser's WebGL 2, asked once: none, or on hardware or a software rasteriser (by its renderer's name). */
function webglSupport(): WebglSupport {
  if (webgl2 !== null) return webgl2;
  try {
    const gl = document.createElement("canvas").getContext("webgl2");
    if (!gl) webgl2 = "none";
    else {
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      webgl2 = isSoftwareRenderer(name) ? "software" : "hardware";
      gl.getExtension("WEBGL_lose_context")?.loseContext();
    }
  } catch {
    webgl2 = "none";
  }
  return webgl2;
}

function pathsOf(node: NodeSingular) {
  return node.predecessors().union(node.successors()).union(node);
}

export function GraphCanvas({ elements, stylesheet, layout, selected = null, onSelect, onExpand, onContext, onDrawn, ariaLabel, anchor, anyWebgl = false, waiting = false, ref }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  // Busy from the start: the first layout begins as soon as the canvas is mounted, and nothing is drawn before it.
  const [busy, setBusy] = useState(true);
  const [failed, setFailed] = useState<string | null>(null);
  // How many elements the last finished layout drew: a DOM signal for browser tests and the benchmark.
  const [drawn, setDrawn] = useState<number | null>(null);
  // The elements the picture on screen was drawn from: new elements are "busy" from the render that brings them,
  // not only from the effect that starts their layout a moment later.
  const [drawnFrom, setDrawnFrom] = useState<ElementDefinition[] | null>(null);
  const renderer = rendererFor(elements.length, webglSupport(), anyWebgl);
  const size = renderer === "webgl" ? "webgl" : elements.length > LARGE ? "large" : "normal";
  const animate = elements.length < ANIMATE_UNDER;
  const animateRef = useRef(animate);
  animateRef.current = animate;
  const handlers = useRef({ onSelect, onExpand, onContext, onDrawn });
  handlers.current = { onSelect, onExpand, onContext, onDrawn };
  const anchorRef = useRef(anchor ?? []);
  anchorRef.current = anchor ?? [];
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  // One Cytoscape per size class: the renderer options cannot change on a live instance.
  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: stylesheet,
      elements: [],
      minZoom: 0.03,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autoungrabify: true,
      selectionType: "single",
      textureOnViewport: size === "large",
      hideEdgesOnViewport: size === "large",
      pixelRatio: "auto",
      ...(size === "webgl" ? { renderer: { name: "canvas", webgl: true } } : {}),
    } as cytoscape.CytoscapeOptions);
    cyRef.current = cy;

    const highlight = (node: NodeSingular | null) => {
      cy.batch(() => {
        cy.$(".faded, .on-path").removeClass("faded on-path");
        if (!node || node.removed()) return;
        const on = pathsOf(node);
        cy.elements().not(on).addClass("faded");
        on.edges().addClass("on-path");
      });
    };
    const selectedNode = () => {
      const id = selectedRef.current;
      const n = id ? cy.getElementById(id) : null;
      return n && n.nonempty() && n.isNode() ? n : null;
    };
    cy.on("mouseover", "node", (e) => highlight(e.target as NodeSingular));
    cy.on("mouseout", "node", () => highlight(selectedNode()));
    cy.on("tap", (e) => {
      if (e.target === cy) handlers.current.onSelect?.(null);
      else if ((e.target as Partial<NodeSingular>).isNode?.()) handlers.current.onSelect?.((e.target as NodeSingular).id());
    });
    cy.on("dbltap", "node", (e) => handlers.current.onExpand?.((e.target as NodeSingular).id()));
    cy.on("cxttap", "node", (e) => {
      const p = (e.target as NodeSingular).renderedPosition();
      handlers.current.onContext?.((e.target as NodeSingular).id(), { x: p.x, y: p.y });
    });
    (cy as unknown as { highlight: typeof highlight }).highlight = highlight;
    return () => {
      cyRef.current = null;
      cy.destroy();
    };
    // The stylesheet is fixed per app; the instance is rebuilt only when the size class changes.
  }, [size]);

  // New elements: lay out first (off the main thread), then swap them in at their final positions.
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
        allowFit(cy, 32);
        cy.fit(undefined, 32);
        const readable = readableZoom(cy);
        if (cy.zoom() > 1.25) {
          cy.zoom(1.25);
          cy.center();
        } else if (cy.zoom() < readable) {
          const a = anchorRef.current.reduce((acc, id) => acc.union(cy.getElementById(id)), cy.collection());
          cy.zoom(readable);
          cy.center(a.nonempty() ? a : undefined);
          keepFilled(cy, 32);
        }
        const sel = selectedRef.current ? cy.getElementById(selectedRef.current) : cy.collection();
        if (sel.nonempty()) sel.select();
        (cy as unknown as { highlight: (n: NodeSingular | null) => void }).highlight(sel.nonempty() && sel.isNode() ? (sel) : null);
        performance.mark("graph:viewed");
        setBusy(false);
        setDrawn(elements.length);
        setDrawnFrom(elements);
        handlers.current.onDrawn?.(cy);
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

  // Selection from outside (URL, list, search): select, highlight paths, bring into view.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.$(":selected").unselect();
    const n = selected ? cy.getElementById(selected) : null;
    const highlight = (cy as unknown as { highlight?: (n: NodeSingular | null) => void }).highlight;
    if (n && n.nonempty()) {
      n.select();
      highlight?.(n);
      const bb = cy.extent();
      const p = n.position();
      if (p.x < bb.x1 || p.x > bb.x2 || p.y < bb.y1 || p.y > bb.y2) {
        if (animateRef.current) cy.animate({ center: { eles: n }, duration: 250 });
        else cy.center(n);
      }
    } else {
      highlight?.(null);
    }
  }, [selected]);

  useImperativeHandle(
    ref,
    () => ({
      cy: () => cyRef.current,
      fit: () => {
        const cy = cyRef.current;
        if (!cy) return;
        allowFit(cy, 32);
        if (animateRef.current) cy.animate({ fit: { eles: cy.elements(), padding: 32 }, duration: 250 });
        else cy.fit(undefined, 32);
      },
      focus: (id: string) => {
        const cy = cyRef.current;
        const n = cy?.getElementById(id);
        if (!cy || !n || n.empty()) return;
        if (animateRef.current) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 0.9), duration: 300 });
        else {
          cy.zoom(Math.max(cy.zoom(), 0.9));
          cy.center(n);
        }
        n.flashClass("flash", 900);
      },
    }),
    [],
  );

  return (
    <div className="graph-canvas">
      <div ref={container} className="graph-canvas__cy" data-testid="graph" aria-busy={busy || waiting || drawnFrom !== elements} data-drawn={drawn ?? undefined} data-renderer={renderer} role="img" aria-label={ariaLabel} />
      {busy && (
        <div className="graph-canvas__busy" role="status">
          <span className="spinner" aria-hidden /> Laying out {elements.filter((e) => !e.data.source).length} nodes…
        </div>
      )}
      {failed && (
        <div className="graph-canvas__busy graph-canvas__busy--error" role="alert">
          The layout failed: {failed}
        </div>
      )}
    </div>
  );
}
