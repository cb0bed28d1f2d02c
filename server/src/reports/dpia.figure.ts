/**
 * Pure: a trace answer → flow figures as plain SVG (real `<text>`, no scripts, no external fonts), drawn left to right in
 * four lanes: start → fields sent → vendors → countries. Sized for an A4 page: 700 units wide (the printable width in
 * CSS px), text 9.5–11 px. A large answer becomes several figures (one per vendor, long ones in parts) rather than
 * one unreadable one.
 */
import type { TraceResponse, TraceVendor, TransferStatus } from "../contract/api.js";
import { TRANSFER_LOOK } from "../contract/look.js";
import { unstatedPlaces, worstStatus } from "../transfers/transfer.rule.js";

const NOT_STATED = "not-stated";
export const FIGURE_WIDTH = 700;
/** Rows per figure: a figure fits an A4 page under the pack's header (22 px a row), so the first page is never left empty. */
export const ROWS_PER_FIGURE = 28;

/** The app's colours for transfer statuses (`contract/look.ts`): one palette for the screen, the exports and this pack. */
export const STATUS_COLOUR = Object.fromEntries(Object.entries(TRANSFER_LOOK).map(([s, look]) => [s, look.colour])) as Record<TransferStatus, string>;
export const KIND_COLOUR = { start: "#3b4352", column: "#0072b2", vendor: "#e69f00", country: "#ffffff" } as const;

const LANES = { start: { x: 0, w: 115 }, column: { x: 150, w: 195 }, vendor: { x: 380, w: 178 }, country: { x: 585, w: 115 } };
const ROW = 22;
const TOP = 20;

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Cuts a label to fit `width` px (about 0.58 em per character, 0.62 bold), marking the cut; the full text goes in a <title>. */
function fit(s: string, width: number, size: number, bold: boolean): string {
  const max = Math.floor(width / (size * (bold ? 0.6 : 0.56)));
  return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`;
}

export interface Figure {
  title: string;
  svg: string;
}

interface Part {
  title: string;
  vendors: TraceResponse["vendors"];
}

function parts(trace: TraceResponse): Part[] {
  const fields = new Set(trace.vendors.flatMap((v) => v.fields.map((f) => f.id)));
  if (fields.size <= ROWS_PER_FIGURE) return [{ title: "All flows", vendors: trace.vendors }];
  // One figure per vendor; a vendor with more fields than a page holds is drawn in parts.
  return trace.vendors.flatMap((v) => {
    // A vendor whose fields are not stated is drawn all the same (its countries; no field), never left out.
    const n = Math.max(1, Math.ceil(v.fields.length / ROWS_PER_FIGURE));
    return Array.from({ length: n }, (_, i) => ({
      title: n === 1 ? `Flows to ${v.name}` : `Flows to ${v.name} (part ${i + 1} of ${n})`,
      vendors: [{ ...v, fields: v.fields.slice(i * ROWS_PER_FIGURE, (i + 1) * ROWS_PER_FIGURE) }],
    }));
  });
}

function box(x: number, y: number, w: number, h: number, fill: string, stroke: string, dash = false): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="${fill}" stroke="${stroke}" stroke-width="1.2"${dash ? ' stroke-dasharray="4 2"' : ""}/>`;
}

function text(x: number, y: number, s: string, size: number, fill: string, width: number, weight = 400): string {
  const shown = fit(s, width, size, weight > 400);
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}"${weight !== 400 ? ` font-weight="${weight}"` : ""}>${shown !== s ? `<title>${esc(s)}</title>` : ""}${esc(shown)}</text>`;
}

function curve(x1: number, y1: number, x2: number, y2: number, colour: string, dash = false): string {
  const mid = (x1 + x2) / 2;
  return `<path d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" fill="none" stroke="${colour}" stroke-width="1.1"${dash ? ' stroke-dasharray="4 3"' : ""}/>`;
}

/** Whether one of the vendor's flows leaves out where its entity or its data is: it then points at "not stated" too. */
function leavesOutAPlace(v: TraceVendor): boolean {
  return v.flows.some((f) => unstatedPlaces({ entityCountry: f.countries.find((c) => c.role === "entity")?.code ?? null, dataCountries: f.countries.filter((c) => c.role === "data").map((c) => c.code) }).length > 0);
}

function draw(trace: TraceResponse, part: Part): string {
  // A country's mark is the server's status of the places drawn there (each flow's own), never re-derived from the EEA flag.
  const placeStatus = new Map<string, TransferStatus[]>();
  for (const v of part.vendors) for (const f of v.flows) for (const c of f.countries) placeStatus.set(c.code, [...(placeStatus.get(c.code) ?? []), c.transfer]);
  const columns = [...new Map(part.vendors.flatMap((v) => v.fields).map((f) => [f.id, f])).values()].sort((a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column));
  const countries = [...new Map(part.vendors.flatMap((v) => v.countries).map((c) => [c.code, c])).values()].sort((a, b) => a.name.localeCompare(b.name));
  // A vendor whose inventory leaves out a place (its entity's or its data's country) points at "country not stated":
  // unknown, never drawn as safe.
  const unstated = part.vendors.some(leavesOutAPlace);
  if (unstated) countries.push({ code: NOT_STATED, name: "Country not stated", eea: false, role: "data", transfer: "not-stated" });
  const rows = Math.max(columns.length, part.vendors.length, countries.length, 1);
  const height = TOP + rows * ROW + 8;
  // Lanes other than the longest are centred vertically.
  const yOf = (i: number, n: number) => TOP + (rows - n) * (ROW / 2) + i * ROW + 2;
  const h = ROW - 5;
  const out: string[] = [];
  const header = (lane: { x: number }, s: string) => `<text x="${lane.x}" y="12" font-size="9.5" fill="#5b6472" font-weight="600">${esc(s)}</text>`;
  out.push(header(LANES.start, "Start"), header(LANES.column, "Fields sent (table.column)"), header(LANES.vendor, "Vendors"), header(LANES.country, "Countries"));

  const startY = TOP + (rows * ROW) / 2 - h / 2;
  const colY = new Map(columns.map((c, i) => [c.id, yOf(i, columns.length)]));
  const venY = new Map(part.vendors.map((v, i) => [v.id, yOf(i, part.vendors.length)]));
  const couY = new Map(countries.map((c, i) => [c.code, yOf(i, countries.length)]));

  // Edges first, so boxes sit on top of them.
  for (const c of columns) out.push(curve(LANES.start.x + LANES.start.w, startY + h / 2, LANES.column.x, colY.get(c.id)! + h / 2, "#9aa3af"));
  for (const v of part.vendors) {
    const colour = STATUS_COLOUR[v.transfer];
    for (const f of v.fields) out.push(curve(LANES.column.x + LANES.column.w, colY.get(f.id)! + h / 2, LANES.vendor.x, venY.get(v.id)! + h / 2, colour));
    for (const c of v.countries) out.push(curve(LANES.vendor.x + LANES.vendor.w, venY.get(v.id)! + h / 2, LANES.country.x, couY.get(c.code)! + h / 2, colour, c.role === "data"));
    if (leavesOutAPlace(v)) out.push(curve(LANES.vendor.x + LANES.vendor.w, venY.get(v.id)! + h / 2, LANES.country.x, couY.get(NOT_STATED)! + h / 2, STATUS_COLOUR["not-stated"], true));
  }
  out.push(box(LANES.start.x, startY, LANES.start.w, h, KIND_COLOUR.start, KIND_COLOUR.start), text(LANES.start.x + 6, startY + 12.5, trace.from.label, 10.5, "#ffffff", LANES.start.w - 12, 600));
  for (const c of columns) {
    const y = colY.get(c.id)!;
    out.push(box(LANES.column.x, y, LANES.column.w, h, "#e8f2fa", KIND_COLOUR.column));
    out.push(text(LANES.column.x + 6, y + 12.5, `${c.table}.${c.column}`, 10, "#0b2740", LANES.column.w - 12));
  }
  for (const v of part.vendors) {
    const y = venY.get(v.id)!;
    out.push(box(LANES.vendor.x, y, LANES.vendor.w, h, "#fff4dc", STATUS_COLOUR[v.transfer]));
    out.push(text(LANES.vendor.x + 6, y + 12.5, v.name, 10, "#3a2a00", LANES.vendor.w - 12, 600));
  }
  for (const c of countries) {
    const y = couY.get(c.code)!;
    const colour = STATUS_COLOUR[c.code === NOT_STATED ? "not-stated" : worstStatus(placeStatus.get(c.code) ?? [])];
    out.push(box(LANES.country.x, y, LANES.country.w, h, "#ffffff", colour, c.code === NOT_STATED));
    out.push(text(LANES.country.x + 6, y + 12.5, c.code === NOT_STATED ? c.name : `${c.name} (${c.code})`, 9.5, colour, LANES.country.w - 12, 600));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${FIGURE_WIDTH} ${height}" width="${FIGURE_WIDTH}" height="${height}" font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" role="img">${out.join("")}</svg>`;
}

export function dpiaFigures(trace: TraceResponse): Figure[] {
  if (trace.vendors.length === 0) return [];
  return parts(trace).map((p) => ({ title: p.title, svg: draw(trace, p) }));
}
