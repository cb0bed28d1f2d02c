/**
 * Pure: a trace answer → the DPIA pack's flow figure as plain SVG (real `<text>`, no scripts, no external fonts), drawn
 * left to right in four lanes: start → fields sent → vendors (and the systems of ours the data goes into, as the app's
 * trace draws its `toSystems`: a system node, the edge's label over it, dashed "not loaded" when it is not) → countries. Drawn for an A4 page at full size: 700
 * units wide (the printable width in CSS px), text 9.5–11 px, never scaled down. Labels wrap between words, after
 * "_" or before a capital (contract/wrap.ts), measured in the pack's font (dpia.text.ts), and boxes grow to hold
 * them. A large answer is drawn in blocks (one per vendor, long ones in parts), and a figure taller than a page is cut
 * between blocks into pages (contract/print.ts `pageBands`), each printed on its own page.
 */
import { textWidth } from "./dpia.text.js";
import type { TraceResponse, TraceVendor, TransferStatus } from "../contract/api.js";
import { ids, parseColumnKey, parseNodeId } from "../contract/ids.js";
import { TRANSFER_LOOK } from "../contract/look.js";
import { pageBands } from "../contract/print.js";
import { FIELDS_NOT_STATED } from "../contract/words.js";
import { wrapText } from "../contract/wrap.js";
import { unstatedPlaces, worstStatus } from "../transfers/transfer.rule.js";

const NOT_STATED = "not-stated";
export const FIGURE_WIDTH = 700;
/** Fields per block: above this, the figure is drawn in one block per vendor, a vendor's fields in parts of this size. */
export const ROWS_PER_FIGURE = 28;
/**
 * The figure's height on one printed page: A4's printable 269 mm (1,017 CSS px) less the legend, the caption and
 * room for the page's heading.
 */
export const PAGE_HEIGHT = 860;

/** The app's colours for transfer statuses (`contract/look.ts`): one palette for the screen, the exports and this pack. */
export const STATUS_COLOUR = Object.fromEntries(Object.entries(TRANSFER_LOOK).map(([s, look]) => [s, look.colour])) as Record<TransferStatus, string>;
export const KIND_COLOUR = { start: "#3b4352", column: "#0072b2", vendor: "#e69f00", country: "#ffffff", system: "#e3e6eb" } as const;

/** Lanes across the 700 px: each box's text has PAD_X on each side. */
const LANES = { start: { x: 0, w: 110 }, column: { x: 135, w: 215 }, vendor: { x: 375, w: 150 }, country: { x: 550, w: 150 } };
const PAD_X = 6;
const PAD_Y = 4;
/** Between boxes of a lane, between blocks, and the lane headings' band at the top of a block. */
const GAP = 5;
const BLOCK_GAP = 22;
const HEADINGS = 18;

export function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface FigurePage {
  svg: string;
}

export interface DpiaFigure {
  /** The blocks drawn, in order ("All flows", or "Flows to Amazon", "Flows to Big (part 1 of 2)", "Flows into Warehouse" …). */
  blocks: string[];
  /** Whether it draws a system of ours (the legend then says how one looks). */
  systems: boolean;
  /** The figure cut into pages (one when it fits one). */
  pages: FigurePage[];
}

type Field = Pick<TraceVendor["fields"][number], "id" | "table" | "column">;

/**
 * A system of ours the answer's data goes into without a copy into a loaded table of it (the trace's `toSystems`,
 * one node per target as the app draws it): its name as the app's node says it ("… (not loaded)"), the labels of the
 * edges into it (one per flow), the fields those edges leave from, and the stored status (null: not loaded).
 */
interface SystemTarget {
  id: string;
  name: string;
  loaded: boolean;
  transfer: TransferStatus | null;
  labels: string[];
  fields: Field[];
}

function systemTargets(trace: TraceResponse): SystemTarget[] {
  const by = new Map<string, SystemTarget & { statuses: TransferStatus[] }>();
  for (const t of trace.toSystems ?? []) {
    const id = ids.system(t.target);
    const s = by.get(id) ?? { id, name: t.loaded ? t.name : `${t.name} (not loaded)`, loaded: t.loaded, transfer: null, statuses: [], labels: [], fields: [] };
    by.set(id, s);
    if (t.transfer) s.statuses.push(t.transfer);
    if (!s.labels.includes(t.label)) s.labels.push(t.label);
    for (const c of t.columns) {
      if (s.fields.some((f) => f.id === c)) continue;
      const key = parseNodeId(c);
      const col = key?.kind === "column" ? parseColumnKey(key.key) : null;
      s.fields.push({ id: c, table: col?.table ?? c, column: col?.column ?? "" });
    }
  }
  return [...by.values()]
    .map(({ statuses, ...s }) => ({ ...s, transfer: s.loaded && statuses.length ? worstStatus(statuses) : null, labels: s.labels.sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

interface Part {
  title: string;
  vendors: TraceResponse["vendors"];
  systems: SystemTarget[];
}

const fieldText = (f: Field) => (f.column ? `${f.table}.${f.column}` : f.table);
/** The room a field's box takes in its lane. */
const fieldRoom = (f: Field) => label(fieldText(f), LANES.column.w, 10, false).h + GAP;
/** A block's body may be this tall: it then fits a page under its title and lane headings. */
const BLOCK_BODY = PAGE_HEIGHT - HEADINGS - 18 - 8;

/** A list of fields cut into chunks that each fit a block. */
function chunked<F extends Field>(fields: readonly F[]): F[][] {
  const chunks: F[][] = [[]];
  let room = 0;
  for (const f of fields) {
    const r = fieldRoom(f);
    if (chunks.at(-1)!.length === ROWS_PER_FIGURE || (chunks.at(-1)!.length > 0 && room + r > BLOCK_BODY)) {
      chunks.push([]);
      room = 0;
    }
    chunks.at(-1)!.push(f);
    room += r;
  }
  return chunks;
}

function parts(trace: TraceResponse): Part[] {
  const systems = systemTargets(trace);
  const fields = [...new Map([...trace.vendors.flatMap((v) => v.fields), ...systems.flatMap((s) => s.fields)].map((f) => [f.id, f])).values()];
  if (fields.length <= ROWS_PER_FIGURE && fields.reduce((a, f) => a + fieldRoom(f), 0) <= BLOCK_BODY) return [{ title: "All flows", vendors: trace.vendors, systems }];
  // One block per vendor, then one per system of ours; one with more fields than a page holds is drawn in parts.
  const titled = (what: string, i: number, n: number) => (n === 1 ? what : `${what} (part ${i + 1} of ${n})`);
  return [
    ...trace.vendors.flatMap((v) => {
      // A vendor whose fields are not stated is drawn all the same (its countries; no field), never left out.
      const chunks = chunked(v.fields);
      return chunks.map((fs, i) => ({ title: titled(`Flows to ${v.name}`, i, chunks.length), vendors: [{ ...v, fields: fs }], systems: [] }));
    }),
    ...systems.flatMap((s) => {
      const chunks = chunked(s.fields);
      return chunks.map((fs, i) => ({ title: titled(`Flows into ${s.name}`, i, chunks.length), vendors: [], systems: [{ ...s, fields: fs }] }));
    }),
  ];
}

/** A label wrapped to a box's width; a piece wider than the box (no break allowed in it) is shortened, its full text kept in a <title>. */
interface Label {
  lines: string[];
  full: string | null;
  size: number;
  bold: boolean;
  h: number;
}

function label(s: string, width: number, size: number, bold: boolean): Label {
  const inner = width - 2 * PAD_X;
  const fits = (l: string) => textWidth(l, size, bold) <= inner;
  const wrapped = wrapText(s, fits);
  const shortened = wrapped.some((l) => !fits(l.trimEnd()));
  const lines = wrapped.map((l) => {
    if (fits(l.trimEnd())) return l;
    let cut = l.trimEnd();
    while (cut.length > 1 && !fits(`${cut}…`)) cut = cut.slice(0, -1);
    return `${cut}…`;
  });
  return { lines, full: shortened ? s : null, size, bold, h: lines.length * lineHeight(size) + 2 * PAD_Y };
}

const lineHeight = (size: number) => Math.round(size * 1.22 * 10) / 10;

function box(x: number, y: number, w: number, h: number, fill: string, stroke: string, dash = false): string {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="4" fill="${fill}" stroke="${stroke}" stroke-width="1.2"${dash ? ' stroke-dasharray="4 2"' : ""}/>`;
}

/** A label's text in its box at (x, y): one line as plain text, several as one <tspan> per line. */
function text(x: number, y: number, l: Label, fill: string): string {
  const lh = lineHeight(l.size);
  const base = (i: number) => Math.round((y + PAD_Y + l.size * 0.93 + i * lh) * 10) / 10;
  const title = l.full ? `<title>${esc(l.full)}</title>` : "";
  const attrs = `font-size="${l.size}" fill="${fill}"${l.bold ? ' font-weight="600"' : ""}`;
  if (l.lines.length === 1) return `<text x="${x + PAD_X}" y="${base(0)}" ${attrs}>${title}${esc(l.lines[0]!)}</text>`;
  return `<text x="${x + PAD_X}" y="${base(0)}" ${attrs}>${title}${l.lines.map((line, i) => `<tspan x="${x + PAD_X}" y="${base(i)}">${esc(line)}</tspan>`).join("")}</text>`;
}

function curve(x1: number, y1: number, x2: number, y2: number, colour: string, dash = false): string {
  const mid = (x1 + x2) / 2;
  return `<path d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" fill="none" stroke="${colour}" stroke-width="1.1"${dash ? ' stroke-dasharray="4 3"' : ""}/>`;
}

/** Whether one of the vendor's flows leaves out where its entity or its data is: it then points at "not stated" too. */
function leavesOutAPlace(v: TraceVendor): boolean {
  return v.flows.some((f) => unstatedPlaces({ entityCountry: f.countries.find((c) => c.role === "entity")?.code ?? null, dataCountries: f.countries.filter((c) => c.role === "data").map((c) => c.code) }).length > 0);
}

/** Top of each box in a lane of boxes `hs` tall, the lane centred in a body `bodyH` tall from `top`. */
function stack(hs: number[], top: number, bodyH: number): number[] {
  const laneH = hs.reduce((a, h) => a + h, 0) + GAP * Math.max(0, hs.length - 1);
  let y = top + (bodyH - laneH) / 2;
  return hs.map((h) => {
    const at = Math.round(y * 10) / 10;
    y += h + GAP;
    return at;
  });
}

/** One block of the figure from `top`: its SVG (in the figure's coordinates), its height, and its boxes (for page cuts). */
function drawBlock(trace: TraceResponse, part: Part, top: number, titled: boolean): { svg: string; height: number } {
  // A country's mark is the server's status of the places drawn there (each flow's own), never re-derived from the EEA flag.
  const placeStatus = new Map<string, TransferStatus[]>();
  for (const v of part.vendors) for (const f of v.flows) for (const c of f.countries) placeStatus.set(c.code, [...(placeStatus.get(c.code) ?? []), c.transfer]);
  const columns = [...new Map<string, Field>([...part.vendors.flatMap((v) => v.fields), ...part.systems.flatMap((s) => s.fields)].map((f) => [f.id, f])).values()].sort(
    (a, b) => a.table.localeCompare(b.table) || a.column.localeCompare(b.column),
  );
  const countries = [...new Map(part.vendors.flatMap((v) => v.countries).map((c) => [c.code, c])).values()].sort((a, b) => a.name.localeCompare(b.name));
  // A vendor whose inventory leaves out a place (its entity's or its data's country) points at "country not stated":
  // unknown, never drawn as safe.
  if (part.vendors.some(leavesOutAPlace)) countries.push({ code: NOT_STATED, name: "Country not stated", eea: false, role: "data", transfer: "not-stated" });

  // A vendor engaged without the fields it receives being named gets its own dashed "fields received: not stated" box
  // between the start and it: the engagement is stated, so it is drawn connected, and its fields are shown as unknown.
  const silent = part.vendors.filter((v) => v.fields.length === 0 && v.flows.some((f) => f.fields === "not-stated"));
  const lane = [...columns.map((c) => ({ id: c.id, text: fieldText(c), unknown: false })), ...silent.map((v) => ({ id: `not-stated@${v.id}`, text: FIELDS_NOT_STATED, unknown: true }))];

  const startL = label(trace.from.label, LANES.start.w, 10.5, true);
  const colL = lane.map((c) => label(c.text, LANES.column.w, 10, false));
  const venL = part.vendors.map((v) => label(v.name, LANES.vendor.w, 10, true));
  // A system of ours: its node, and over it the label of the edges into it (as the app labels them), one per flow.
  const sysL = part.systems.map((s) => ({ edge: s.labels.map((l) => label(l, LANES.vendor.w, 9, false)), node: label(s.name, LANES.vendor.w, 10, true) }));
  const sysH = sysL.map((l) => l.edge.reduce((a, e) => a + e.h - PAD_Y, 0) + l.node.h);
  const couL = countries.map((c) => label(c.code === NOT_STATED ? c.name : `${c.name} (${c.code})`, LANES.country.w, 9.5, true));
  const laneH = (hs: number[]) => hs.reduce((a, h) => a + h, 0) + GAP * Math.max(0, hs.length - 1);
  const recipientsH = [...venL.map((l) => l.h), ...sysH];
  const bodyH = Math.max(startL.h, laneH(colL.map((l) => l.h)), laneH(recipientsH), laneH(couL.map((l) => l.h)));
  const out: string[] = [];
  let y = top;
  if (titled) {
    out.push(`<text x="0" y="${y + 11}" font-size="10.5" fill="#1d2430" font-weight="700">${esc(part.title)}</text>`);
    y += 18;
  }
  const header = (lane: { x: number }, s: string) => `<text x="${lane.x}" y="${y + 11}" font-size="9.5" fill="#5b6472" font-weight="600">${esc(s)}</text>`;
  const recipients = part.systems.length === 0 ? "Vendors" : part.vendors.length === 0 ? "Our systems" : "Vendors, our systems";
  out.push(header(LANES.start, "Start"), header(LANES.column, "Fields sent (table.column)"), header(LANES.vendor, recipients), header(LANES.country, "Countries"));
  const body = y + HEADINGS;

  const startY = stack([startL.h], body, bodyH)[0]!;
  const colTop = stack(colL.map((l) => l.h), body, bodyH);
  const recTop = stack(recipientsH, body, bodyH);
  const venTop = recTop.slice(0, venL.length);
  const sysTop = recTop.slice(venL.length);
  // Where a system's node starts (under the label of the edges into it) and its middle, where those edges end.
  const sysNodeTop = sysL.map((l, i) => sysTop[i]! + sysH[i]! - l.node.h);
  const sysMid = (i: number) => sysNodeTop[i]! + sysL[i]!.node.h / 2;
  const couTop = stack(couL.map((l) => l.h), body, bodyH);
  const mid = (tops: number[], ls: Label[], i: number) => tops[i]! + ls[i]!.h / 2;
  const colIdx = new Map(lane.map((c, i) => [c.id, i]));
  const couIdx = new Map(countries.map((c, i) => [c.code, i]));

  // Edges first, so boxes sit on top of them.
  lane.forEach((c, i) => out.push(curve(LANES.start.x + LANES.start.w, startY + startL.h / 2, LANES.column.x, mid(colTop, colL, i), "#9aa3af", c.unknown)));
  part.vendors.forEach((v, vi) => {
    const colour = STATUS_COLOUR[v.transfer];
    const vy = mid(venTop, venL, vi);
    for (const f of v.fields) out.push(curve(LANES.column.x + LANES.column.w, mid(colTop, colL, colIdx.get(f.id)!), LANES.vendor.x, vy, colour));
    if (silent.includes(v)) out.push(curve(LANES.column.x + LANES.column.w, mid(colTop, colL, colIdx.get(`not-stated@${v.id}`)!), LANES.vendor.x, vy, colour, true));
    for (const c of v.countries) out.push(curve(LANES.vendor.x + LANES.vendor.w, vy, LANES.country.x, mid(couTop, couL, couIdx.get(c.code)!), colour, c.role === "data"));
    if (leavesOutAPlace(v)) out.push(curve(LANES.vendor.x + LANES.vendor.w, vy, LANES.country.x, mid(couTop, couL, couIdx.get(NOT_STATED)!), STATUS_COLOUR["not-stated"], true));
  });
  // Into a system of ours: in the colour of the flow's stored status; dashed when the system is not loaded (its countries unknown).
  part.systems.forEach((s, si) => {
    for (const f of s.fields) out.push(curve(LANES.column.x + LANES.column.w, mid(colTop, colL, colIdx.get(f.id)!), LANES.vendor.x, sysMid(si), STATUS_COLOUR[s.transfer ?? "not-stated"], !s.loaded));
  });
  out.push(box(LANES.start.x, startY, LANES.start.w, startL.h, KIND_COLOUR.start, KIND_COLOUR.start), text(LANES.start.x, startY, startL, "#ffffff"));
  lane.forEach((c, i) => {
    out.push(box(LANES.column.x, colTop[i]!, LANES.column.w, colL[i]!.h, c.unknown ? "#ffffff" : "#e8f2fa", c.unknown ? STATUS_COLOUR["not-stated"] : KIND_COLOUR.column, c.unknown));
    out.push(text(LANES.column.x, colTop[i]!, colL[i]!, c.unknown ? STATUS_COLOUR["not-stated"] : "#0b2740"));
  });
  part.vendors.forEach((v, i) => {
    out.push(box(LANES.vendor.x, venTop[i]!, LANES.vendor.w, venL[i]!.h, "#fff4dc", STATUS_COLOUR[v.transfer]));
    out.push(text(LANES.vendor.x, venTop[i]!, venL[i]!, "#3a2a00"));
  });
  part.systems.forEach((s, i) => {
    let y = sysTop[i]!;
    for (const e of sysL[i]!.edge) {
      out.push(text(LANES.vendor.x - PAD_X, y - PAD_Y / 2, e, "#3d4654"));
      y += e.h - PAD_Y;
    }
    const colour = STATUS_COLOUR[s.transfer ?? "not-stated"];
    out.push(box(LANES.vendor.x, sysNodeTop[i]!, LANES.vendor.w, sysL[i]!.node.h, s.loaded ? KIND_COLOUR.system : "#ffffff", colour, !s.loaded));
    out.push(text(LANES.vendor.x, sysNodeTop[i]!, sysL[i]!.node, "#1d2430"));
  });
  countries.forEach((c, i) => {
    const colour = STATUS_COLOUR[c.code === NOT_STATED ? "not-stated" : worstStatus(placeStatus.get(c.code) ?? [])];
    out.push(box(LANES.country.x, couTop[i]!, LANES.country.w, couL[i]!.h, "#ffffff", colour, c.code === NOT_STATED));
    out.push(text(LANES.country.x, couTop[i]!, couL[i]!, colour));
  });
  return { svg: out.join(""), height: body + bodyH - top };
}

/** The figure of a trace's flows, cut into pages of at most PAGE_HEIGHT; null when no vendor is listed and the data goes into no other system of ours. */
export function dpiaFigure(trace: TraceResponse): DpiaFigure | null {
  if (trace.vendors.length === 0 && (trace.toSystems ?? []).length === 0) return null;
  const ps = parts(trace);
  const blocks: { title: string; svg: string; y1: number; y2: number }[] = [];
  let top = 0;
  for (const p of ps) {
    const b = drawBlock(trace, p, top, ps.length > 1);
    blocks.push({ title: p.title, svg: b.svg, y1: top, y2: top + b.height });
    top += b.height + BLOCK_GAP;
  }
  const height = Math.ceil(top - BLOCK_GAP + 4);
  // Cut between blocks; each block fits a page (ROWS_PER_FIGURE), so no cut goes through one.
  const bands = pageBands(blocks, height, PAGE_HEIGHT);
  const pages = bands.map((band) => {
    const inside = blocks.filter((b) => b.y2 > band.y && b.y1 < band.y + band.h);
    const h = Math.ceil(band.h);
    return {
      svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 ${Math.floor(band.y)} ${FIGURE_WIDTH} ${h}" width="${FIGURE_WIDTH}" height="${h}" font-family="DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif" role="img">${inside.map((b) => b.svg).join("")}</svg>`,
    };
  });
  return { blocks: blocks.map((b) => b.title), pages, systems: (trace.toSystems ?? []).length > 0 };
}
