/**
 * The Cytoscape wrapper. It knows nothing of the domain: it draws the element definitions it is given with the
 * stylesheet it is given, asks the `layout` function for positions (ELK runs in a worker), and reports taps,
 * double-taps and context taps. Hovering or selecting a node fades everything not on its paths.
 */
import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from "cytoscape";
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";

import { Minimap } from "./Minimap";
import { isSoftwareRenderer, LARGE, rendererFor, type WebglSupport } from "./renderer";
import { allowFit, beyond, fitZoom, openView, PAD, placeReadable, readableZoom, type Beyond } from "./viewport";

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

/** Past this many elements, view changes (fit, focus) jump instead of animating every element's frame. */
const ANIMATE_UNDER = 1000;

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
  // The zoom at which the smallest label is readable, read after each layout.
  const readableRef = useRef(0);
  // What lies past the canvas's edges and whether labels are hidden, after each move of the view (once a frame).
  const [view, setView] = useState<{ beyond: Beyond; hidden: boolean; tick: number }>({ beyond: { left: 0, right: 0, top: 0, bottom: 0 }, hidden: false, tick: 0 });
  const anchorOf = (cy: Core) => anchorRef.current.reduce((acc, id) => acc.union(cy.getElementById(id)), cy.collection());

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
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (cy.destroyed() || cy.elements().empty()) return;
      setView((v) => ({ beyond: beyond(cy), hidden: cy.zoom() < readableRef.current * 0.999, tick: v.tick + 1 }));
    };
    cy.on("viewport resize", () => {
      frame ||= requestAnimationFrame(measure);
    });
    return () => {
      if (frame) cancelAnimationFrame(frame);
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
        readableRef.current = readableZoom(cy);
        openView(cy, anchorOf(cy));
        const sel = selectedRef.current ? cy.getElementById(selectedRef.current) : cy.collection();
        if (sel.nonempty()) sel.select();
        (cy as unknown as { highlight: (n: NodeSingular | null) => void }).highlight(sel.nonempty() && sel.isNode() ? (sel) : null);
        performance.mark("graph:viewed");
        setView((v) => ({ beyond: beyond(cy), hidden: false, tick: v.tick + 1 }));
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
      // The whole picture when it is readable so; else the readable zoom on the anchor, the minimap and the
      // hints showing where the rest is: "Fit" never zooms until labels disappear.
      fit: () => {
        const cy = cyRef.current;
        if (!cy) return;
        allowFit(cy);
        const readable = readableRef.current;
        if (fitZoom(cy) >= readable) {
          if (animateRef.current) cy.animate({ fit: { eles: cy.elements(), padding: PAD }, duration: 250 });
          else cy.fit(undefined, PAD);
        } else placeReadable(cy, anchorOf(cy), readable);
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
      {!busy && !failed && drawnFrom === elements && cyRef.current && (
        <ViewAids cy={cyRef.current} view={view} drawn={drawnFrom} nodes={elements.filter((e) => !e.data.source).length} links={elements.filter((e) => e.data.source).length} />
      )}
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

const SIDES = [
  ["right", "more →", { x: 1, y: 0 }],
  ["left", "← more", { x: -1, y: 0 }],
  ["bottom", "more ↓", { x: 0, y: 1 }],
  ["top", "↑ more", { x: 0, y: -1 }],
] as const;
const SIDE_WORDS = { right: "to the right", left: "to the left", bottom: "below", top: "above" } as const;

/**
 * What the canvas says about the view: a "more" hint on each side the picture goes on past (with how many nodes lie
 * there; a click moves the view that way), the minimap when the picture does not fit, and counts instead of labels
 * when the user has zoomed out past readable labels.
 */
function ViewAids({ cy, view, drawn, nodes, links }: { cy: Core; view: { beyond: Beyond; hidden: boolean; tick: number }; drawn: unknown; nodes: number; links: number }) {
  const outside = SIDES.filter(([side]) => view.beyond[side] > 0);
  return (
    <>
      {outside.map(([side, words, dir]) => (
        <button
          key={side}
          type="button"
          className={`more-hint more-hint--${side}`}
          data-testid="more-hint"
          data-side={side}
          aria-label={`${view.beyond[side]} more node${view.beyond[side] === 1 ? "" : "s"} ${SIDE_WORDS[side]}: move the view there`}
          onClick={() => cy.panBy({ x: -dir.x * cy.width() * 0.6, y: -dir.y * cy.height() * 0.6 })}
        >
          <span>
            {words} ({view.beyond[side]})
          </span>
        </button>
      ))}
      {view.hidden && (
        <p className="labels-hidden" role="status" data-testid="labels-hidden">
          Labels hidden at this zoom: {nodes.toLocaleString("en")} nodes, {links.toLocaleString("en")} links. Zoom in or press Fit to read them.
        </p>
      )}
      {(outside.length > 0 || view.hidden) && <Minimap cy={cy} drawn={drawn} tick={view.tick} />}
    </>
  );
}
