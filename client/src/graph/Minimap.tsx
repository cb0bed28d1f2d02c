/**
 * A small overview of the whole picture in a corner of the canvas, with the part on screen outlined: shown when the
 * picture does not fit the canvas at a readable zoom. A click or drag in it moves the view there. Drawn on its own
 * 2D canvas from node positions (no snapshot of Cytoscape's drawing), so it works with the WebGL renderer too.
 */
import type { Core } from "cytoscape";
import { useEffect, useRef, type PointerEvent } from "react";

const W = 180;
const H = 120;

interface Frame {
  x1: number;
  y1: number;
  scale: number;
  ox: number;
  oy: number;
  rects: { x: number; y: number; w: number; h: number; c: string }[];
}

export function Minimap({ cy, drawn, tick }: { cy: Core; drawn: unknown; tick: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<Frame | null>(null);

  // After each layout: where every node goes in the overview (read once; the view's moves only redraw the outline).
  useEffect(() => {
    const bb = cy.elements().boundingBox();
    if (bb.w <= 0 || bb.h <= 0) return;
    const scale = Math.min((W - 8) / bb.w, (H - 8) / bb.h);
    const rects = cy.nodes().map((n) => {
      const p = n.position();
      return { x: p.x, y: p.y, w: n.width(), h: n.height(), c: String(n.style("border-color")) };
    });
    frame.current = { x1: bb.x1, y1: bb.y1, scale, ox: (W - bb.w * scale) / 2, oy: (H - bb.h * scale) / 2, rects };
  }, [cy, drawn]);

  useEffect(() => {
    const f = frame.current;
    const ctx = canvas.current?.getContext("2d");
    if (!f || !ctx || cy.destroyed()) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);
    const at = (x: number, y: number) => [f.ox + (x - f.x1) * f.scale, f.oy + (y - f.y1) * f.scale] as const;
    for (const r of f.rects) {
      const [x, y] = at(r.x - r.w / 2, r.y - r.h / 2);
      ctx.fillStyle = r.c;
      ctx.fillRect(x, y, Math.max(1.5, r.w * f.scale), Math.max(1.5, r.h * f.scale));
    }
    const e = cy.extent();
    const [x1, y1] = at(e.x1, e.y1);
    const [x2, y2] = at(e.x2, e.y2);
    ctx.strokeStyle = "#2B59C3";
    ctx.lineWidth = 1.5;
    ctx.fillStyle = "rgba(43, 89, 195, 0.08)";
    ctx.fillRect(x1, y1, x2 - x1, y2 - y1);
    ctx.strokeRect(x1, y1, x2 - x1, y2 - y1);
  }, [cy, drawn, tick]);

  const moveTo = (e: PointerEvent<HTMLCanvasElement>) => {
    const f = frame.current;
    if (!f) return;
    const r = e.currentTarget.getBoundingClientRect();
    const mx = f.x1 + (e.clientX - r.left - f.ox) / f.scale;
    const my = f.y1 + (e.clientY - r.top - f.oy) / f.scale;
    const z = cy.zoom();
    cy.pan({ x: cy.width() / 2 - z * mx, y: cy.height() / 2 - z * my });
  };

  const dpr = typeof window === "undefined" ? 1 : window.devicePixelRatio || 1;
  return (
    <canvas
      ref={canvas}
      className="minimap"
      data-testid="minimap"
      width={W * dpr}
      height={H * dpr}
      style={{ width: W, height: H }}
      aria-hidden
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons) moveTo(e);
      }}
    />
  );
}
