/**
 * The Cytoscape wrapper. It knows nothing of the domain: it draws the element definitions it is given with the
 * stylesheet it is given, asks the `layout` function for positions (ELK runs in a worker), and reports taps,
 * double-taps and context taps. Hovering or selecting a node fades everything not on its paths. The work is in hooks:
 * the instance and its events (`useCytoscape`), the lit paths (`usePathHighlight`), layout and drawing
 * (`useLayoutDraw`), moving the view (`useCanvasView`); `ViewAids` says what lies past the canvas's edges.
 */
import type { Core, ElementDefinition, StylesheetJson } from "cytoscape";
import { useRef, type Ref } from "react";

import { ViewAids } from "./ViewAids";
import type { LayoutPatch } from "./layoutPatch";
import { isSoftwareRenderer, LARGE, rendererFor, type WebglSupport } from "./renderer";
import { ANIMATE_UNDER, useGraphHandle, useSelectionInView, type GraphHandle } from "./useCanvasView";
import { useCytoscape } from "./useCytoscape";
import { useLayoutDraw } from "./useLayoutDraw";
import { usePathHighlight } from "./usePathHighlight";

export type { GraphHandle } from "./useCanvasView";
export type { LayoutPatch } from "./layoutPatch";

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

export function GraphCanvas({ elements, stylesheet, layout, selected = null, onSelect, onExpand, onContext, onDrawn, ariaLabel, anchor, anyWebgl = false, waiting = false, ref }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const renderer = rendererFor(elements.length, webglSupport(), anyWebgl);
  const size = renderer === "webgl" ? "webgl" : elements.length > LARGE ? "large" : "normal";
  const animate = useRef(elements.length < ANIMATE_UNDER);
  animate.current = elements.length < ANIMATE_UNDER;
  const onDrawnRef = useRef(onDrawn);
  onDrawnRef.current = onDrawn;
  const anchorRef = useRef(anchor ?? []);
  anchorRef.current = anchor ?? [];
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  // The zoom at which the smallest label is readable, read after each layout.
  const readable = useRef(0);
  const anchorOf = (cy: Core) => anchorRef.current.reduce((acc, id) => acc.union(cy.getElementById(id)), cy.collection());

  const highlight = usePathHighlight(selectedRef);
  const { cy: cyRef, view, setView } = useCytoscape(container, size, stylesheet, { handlers: { onSelect, onExpand, onContext }, highlight, readable });
  const { busy, failed, drawn, drawnFrom } = useLayoutDraw(cyRef, elements, layout, size, { anchorOf, selected: selectedRef, readable, highlight, setView, onDrawn: onDrawnRef });
  useSelectionInView(cyRef, selected, highlight, animate);
  useGraphHandle(ref, cyRef, { readable, animate, anchorOf });

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
