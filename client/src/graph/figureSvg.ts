/**
 * The graph of an exported figure as SVG, written from the laid-out Cytoscape instance: each node's shape, fill,
 * border and label as Cytoscape's stylesheet resolves them (so the rules stay in stylesheet.ts), each edge along
 * the route ELK computed (the same one Cytoscape draws), and every label as real, selectable `<text>`.
 *
 * Why not cytoscape-svg: it replays Cytoscape's canvas drawing through a canvas-to-SVG shim (last released 2021)
 * that lacks calls the current renderer makes (rounded shapes, text backgrounds, transforms between path commands):
 * country diamonds went missing, labels were drawn on top of one another and every export logged "Attempted to
 * apply path command to node text". Writing the SVG from the layout is shorter than patching the shim.
 */
import type { Core, EdgeSingular, NodeSingular } from "cytoscape";

import type { Measure } from "./elements";
import { shapePath, type ShapeName } from "./kinds";
import type { LayoutResult } from "./layout";

type Point = { x: number; y: number };

const SHAPES = new Set<string>(["barrel", "ellipse", "tag", "round-rectangle", "rectangle", "cut-rectangle", "rhomboid", "hexagon", "round-diamond"]);

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const num = (v: unknown, fallback = 0) => {
  const n = parseFloat(String(v));
  return Number.isFinite(n) ? n : fallback;
};
const r1 = (n: number) => Math.round(n * 10) / 10;

function dashArray(style: string, pattern: unknown, width: number): string {
  if (style === "dotted") return ` stroke-dasharray="${r1(width)} ${r1(width * 1.6)}"`;
  if (style !== "dashed") return "";
  const p = Array.isArray(pattern) ? pattern.map(Number) : (typeof pattern === "string" || typeof pattern === "number" ? String(pattern) : "").split(/[\s,]+/).map(Number);
  const dash = p.filter((n) => Number.isFinite(n) && n > 0);
  return ` stroke-dasharray="${(dash.length ? dash : [6, 3]).join(" ")}"`;
}

/**
 * Multi-line text centred on (0, 0): one `<text>`, one `<tspan>` per line (baselines computed, no dominant-baseline).
 * Lines from `badgeFrom` on are a badge (the transfer status under a name): marked so, as a statement of their own.
 */
function textLines(lines: string[], fontSize: number, lineHeight: number, attrs: string, badgeFrom = lines.length): string {
  const top = -((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
  const spans = lines.map((l, i) => `<tspan x="0" y="${r1(top + i * lineHeight)}"${i >= badgeFrom ? ' class="badge"' : ""}>${esc(l)}</tspan>`).join("");
  return `<text text-anchor="middle" font-size="${fontSize}"${attrs}>${spans}</text>`;
}

function nodeSvg(n: NodeSingular): string {
  const p = n.position();
  const w = num(n.style("width"));
  const h = num(n.style("height"));
  const shapeName = String(n.style("shape"));
  const shape = (SHAPES.has(shapeName) ? shapeName : "rectangle") as ShapeName;
  const bw = num(n.style("border-width"));
  const border = bw > 0 ? ` stroke="${n.style("border-color")}" stroke-width="${bw}"${dashArray(String(n.style("border-style")), n.style("border-dash-pattern"), bw)}` : "";
  const label = String(n.style("label") ?? "");
  const fontSize = num(n.style("font-size"), 12);
  const lh = fontSize * num(n.style("line-height"), 1.2);
  const lines = label.split("\n");
  const badges = num(n.data("badgeLines"));
  const text = label ? textLines(lines, fontSize, lh, ` font-weight="${n.style("font-weight")}" fill="${n.style("color")}"`, lines.length - badges) : "";
  // The full name, where the label shortens it (a column drawn without its table's name).
  const full = String(n.data("label") ?? "");
  const title = full && full !== lines.slice(0, lines.length - badges).join("") ? `<title>${esc(full)}</title>` : "";
  return (
    `<g class="node" data-id="${esc(n.id())}" transform="translate(${r1(p.x)} ${r1(p.y)})">` +
    title +
    `<path d="${shapePath(shape, w, h)}" transform="translate(${r1(-w / 2)} ${r1(-h / 2)})" fill="${n.style("background-color")}"${border}/>` +
    text +
    `</g>`
  );
}

/** A triangle arrowhead with its tip at `tip`, pointing along from → tip (Cytoscape's "triangle" at the same size). */
function arrowHead(from: Point, tip: Point, width: number, scale: number): string {
  const len = Math.max(6, width * 5) * scale * 1.15;
  const dx = tip.x - from.x;
  const dy = tip.y - from.y;
  const d = Math.hypot(dx, dy) || 1;
  const ux = dx / d;
  const uy = dy / d;
  const bx = tip.x - ux * len;
  const by = tip.y - uy * len;
  const half = len / 2;
  return `M${r1(tip.x)} ${r1(tip.y)}L${r1(bx - uy * half)} ${r1(by + ux * half)}L${r1(bx + uy * half)} ${r1(by - ux * half)}Z`;
}

function edgeSvg(e: EdgeSingular, route: Point[] | undefined): string {
  const pts = route && route.length >= 2 ? route : [e.source().position(), e.target().position()];
  const width = num(e.style("width"), 1);
  const colour = String(e.style("line-color"));
  const d = pts.map((p, i) => `${i ? "L" : "M"}${r1(p.x)} ${r1(p.y)}`).join("");
  const dash = dashArray(String(e.style("line-style")), e.style("line-dash-pattern"), width);
  const arrow = e.style("target-arrow-shape") === "none" ? "" : `<path d="${arrowHead(pts[pts.length - 2]!, pts[pts.length - 1]!, width, num(e.style("arrow-scale"), 1))}" fill="${e.style("target-arrow-color")}"/>`;
  return `<g class="edge" data-id="${esc(e.id())}"><path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}" stroke-linejoin="round"${dash}/>${arrow}</g>`;
}

function edgeLabelSvg(e: EdgeSingular, at: Point, measure: Measure): string {
  const text = String(e.style("label") ?? "");
  if (!text) return "";
  const fontSize = num(e.style("font-size"), 11);
  const lines = text.split("\n");
  const lh = fontSize * num(e.style("line-height"), 1.2);
  const pad = num(e.style("text-background-padding"), 2);
  const w = Math.max(...lines.map((l) => measure(l, fontSize, 400))) + 2 * pad;
  const h = lines.length * lh + 2 * pad;
  const bgOpacity = num(e.style("text-background-opacity"), 0);
  const bg = bgOpacity > 0 ? `<rect x="${r1(-w / 2)}" y="${r1(-h / 2)}" width="${r1(w)}" height="${r1(h)}" rx="2" fill="${e.style("text-background-color")}" fill-opacity="${bgOpacity}"/>` : "";
  return `<g class="edge-label" data-id="${esc(e.id())}" transform="translate(${r1(at.x)} ${r1(at.y)})">${bg}${textLines(lines, fontSize, lh, ` fill="${e.style("color")}"`)}</g>`;
}

/**
 * `<svg>` of the whole graph in model coordinates (ELK's, which Cytoscape's positions are): edges under nodes,
 * edge labels on top, as Cytoscape draws them.
 */
export function figureSvg(cy: Core, layout: Pick<LayoutResult, "edges" | "width" | "height">, measure: Measure): string {
  const edges: string[] = [];
  const labels: string[] = [];
  cy.edges().forEach((e) => {
    const g = layout.edges[e.id()];
    edges.push(edgeSvg(e, g?.points));
    if (g?.label) labels.push(edgeLabelSvg(e, g.label, measure));
    else if (e.style("label")) labels.push(edgeLabelSvg(e, e.midpoint(), measure));
  });
  const nodes = cy.nodes().map(nodeSvg);
  const w = Math.ceil(layout.width);
  const h = Math.ceil(layout.height);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<g id="edges">${edges.join("")}</g>`,
    `<g id="nodes">${nodes.join("")}</g>`,
    `<g id="edge-labels">${labels.join("")}</g>`,
    `</svg>`,
  ].join("");
}
