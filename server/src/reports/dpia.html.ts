/**
 * Pure: a trace answer (and the flows it lists) → the DPIA evidence pack, one self-contained HTML page (inline CSS and
 * SVG, no scripts, no external assets) that prints to A4. Every gap in the inventory reads "not documented"; transfer
 * statuses and safeguards are the server's words (`contract/words.ts`), never re-derived.
 */
import { dpiaFigure, esc, KIND_COLOUR, STATUS_COLOUR } from "./dpia.figure.js";
import type { PackSystemFlow } from "./dpia.systems.js";
import type { ReportSystem } from "./reports.repository.js";
import type { Provenance, TraceResponse, TransferStatus } from "../contract/api.js";
import { parseNodeId } from "../contract/ids.js";
import { citation, FIELDS_NOT_STATED, NOT_DOCUMENTED, safeguardWords, TRANSFER_WORDS } from "../contract/words.js";
import { breakAfter } from "../contract/wrap.js";
import type { TraceSend, TraceSilent } from "../trace/trace.repository.js";
import { needsAttention, unstatedPlaces } from "../transfers/transfer.rule.js";

export interface DpiaInput {
  trace: TraceResponse;
  /** The flows the answer lists (field × engagement), as the trace's filters leave them. */
  sends: TraceSend[];
  /** The flows it lists whose fields the inventory does not state (a system's engagement with none named). */
  silent: TraceSilent[];
  systems: ReportSystem[];
  /** ISO date the pack was made. */
  date: string;
  /** The Art. 35(7) sections (before the figure) and the transfer impact assessments (at the end): `dpia.sections.ts`. */
  sections?: { before: string; after: string };
  /** The flows into our other systems the answer follows (`dpia.systems.ts`). */
  intoSystems?: PackSystemFlow[];
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
/** An identifier (table.column) that may wrap after its dots and underscores and before an inner capital, never inside a word. */
const ident = (s: string) => s.replace(/[^]/g, (c, i: number) => esc(c) + (breakAfter(s, i) || (c === "." && s.charAt(i + 1)) ? "<wbr>" : ""));
/** A table head with fixed column widths (percent), so narrow columns never break words mid-way. */
const head = (cols: [string, number][]) =>
  `<table><colgroup>${cols.map(([, w]) => `<col style="width:${w}%">`).join("")}</colgroup><thead><tr>${cols.map(([h]) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>`;
/**
 * Where each step of a path is stated, one line per step: `kentico.yaml:2793 · from 'Personal data in Kentico',
 * E-commerce` (the file and line never broken across lines); `short`: the file and line alone, for narrow cells.
 */
const citeOne = (p: Provenance, short: boolean) =>
  p.kind === "stated" ? `<span class="loc">${esc(`${p.file}:${p.line}`)}</span>${short ? "" : esc(citation(p).slice(`${p.file}:${p.line}`.length))}` : esc(citation(p));
const cited = (steps: readonly (readonly Provenance[])[], short = false) =>
  `<ol class="cite">${steps.map((p) => `<li>${p.length ? p.map((x) => citeOne(x, short)).join("; ") : `<span class="nd">${NOT_DOCUMENTED}</span>`}</li>`).join("")}</ol>`;
const orNot = (s: string | null | undefined) => (s && s.trim() ? esc(s) : `<span class="nd">${NOT_DOCUMENTED}</span>`);

function badge(status: TransferStatus): string {
  return `<span class="badge" style="color:${STATUS_COLOUR[status]};border-color:${STATUS_COLOUR[status]}">${esc(TRANSFER_WORDS[status])}</span>`;
}

/**
 * Every place a flow's data reaches, and each one the inventory leaves out as "not stated": a vendor's entity and
 * storage countries, or (a flow into a system of ours) its legal entity's country and hosting countries, in the same words.
 */
function placesText(s: { places: readonly { type: "LOCATED_IN" | "STORES_DATA_IN"; location: { code: string; name: string } }[] }): string {
  const named = s.places.map((p) => `${esc(p.location.name)}${p.type === "LOCATED_IN" ? " (entity)" : " (data)"}`);
  const entityCountry = s.places.find((p) => p.type === "LOCATED_IN")?.location.code ?? null;
  const missing = unstatedPlaces({ entityCountry, dataCountries: s.places.filter((p) => p.type === "STORES_DATA_IN").map((p) => p.location.code) });
  return [...named, ...missing.map((m) => `<span class="nd">${m}: ${TRANSFER_WORDS["not-stated"]}</span>`)].join(", ");
}

function filtersText(t: TraceResponse): string {
  const label = (facet: { value: string; label: string }[], v: string) => facet.find((f) => f.value === v)?.label ?? v;
  const parts = [
    t.filters.categories.length ? `categories: ${t.filters.categories.map((v) => label(t.facets.categories, v)).join(", ")}` : "",
    t.filters.vendors.length ? `vendors: ${t.filters.vendors.map((v) => label(t.facets.vendors, v)).join(", ")}` : "",
    t.filters.countries.length ? `countries: ${t.filters.countries.map((v) => label(t.facets.countries, v)).join(", ")}` : "",
    t.filters.transfers.length ? `transfer status: ${t.filters.transfers.map((v) => TRANSFER_WORDS[v]).join(", ")}` : "",
  ].filter(Boolean);
  return parts.length ? esc(parts.join("; ")) : `none: every flow the inventory states from this start (${t.totalVendors} vendor${t.totalVendors === 1 ? "" : "s"})`;
}

/** A node id in an evidence path → what a reader knows it by. */
function labeller(t: TraceResponse): (id: string) => string {
  const labels = new Map(t.elements.nodes.map((n) => [n.data.id, n.data.kind === "column" && n.data.title ? `${n.data.title}.${n.data.label}` : n.data.label]));
  for (const v of t.vendors) {
    labels.set(v.id, v.name);
    for (const f of v.fields) labels.set(f.id, `${f.table}.${f.column}`);
  }
  labels.set(t.from.id, t.from.label);
  return (id) => {
    const known = labels.get(id);
    if (known) return known;
    const key = parseNodeId(id)?.key ?? id;
    return key.includes("/") ? key.slice(key.indexOf("/") + 1) : key;
  };
}

/** The figure's legend; `systems`: it draws systems of ours too (loaded or not). */
const legend = (systems: boolean) => `
<div class="legend">
  <span><i style="background:${KIND_COLOUR.start}"></i>start</span>
  <span><i style="background:#e8f2fa;border-color:${KIND_COLOUR.column}"></i>field sent (table.column)</span>
  <span><i style="background:#fff4dc;border-color:#888"></i>vendor</span>
  ${systems ? `<span><i style="background:${KIND_COLOUR.system};border-color:#888"></i>our system</span><span><i style="background:#fff;border-color:${STATUS_COLOUR["not-stated"]};border-style:dashed"></i>our system, not loaded</span>` : ""}
  <span><i style="background:#fff;border-color:#888"></i>country</span>
  <span><b class="line"></b>vendor's entity country</span>
  <span><b class="line dash"></b>country data is stored in</span>
  ${(Object.keys(STATUS_COLOUR) as TransferStatus[]).map((s) => `<span><b class="line" style="border-color:${STATUS_COLOUR[s]}"></b>${esc(TRANSFER_WORDS[s])}</span>`).join("")}
</div>`;

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5px; color: #1d2430; margin: 0; line-height: 1.35; }
main { max-width: 720px; margin: 0 auto; padding: 8px 0; }
@media print { main { max-width: none; } }
h1 { font-size: 18px; margin: 0 0 4px; }
h2 { font-size: 14px; margin: 18px 0 6px; border-bottom: 1px solid #c9ced6; padding-bottom: 2px; break-after: avoid; }
h3 { font-size: 11.5px; margin: 10px 0 4px; break-after: avoid; }
dl.meta { display: grid; grid-template-columns: 150px 1fr; gap: 2px 10px; margin: 8px 0; }
dl.meta dt { color: #5b6472; } dl.meta dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-size: 9.5px; }
/* Columns as wide as their longest word (identifiers break at <wbr>: after "." and "_", before a capital), the widths
   in <colgroup> shared out over the rest: a word is cut only when it alone is wider than the page would allow. */
table { table-layout: auto; }
th, td { border: 1px solid #d4d8de; padding: 2px 4px; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: manual; }
th { background: #eef1f5; font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.nd { color: #a15c00; font-style: italic; }
.badge { display: inline-block; border: 1px solid; border-radius: 3px; padding: 0 3px; font-weight: 600; }
figure { margin: 8px 0 12px; break-inside: avoid; }
.figure-page + .figure-page { break-before: page; }
h2.page-start { break-before: page; }
figure svg { width: 100%; max-width: 700px; height: auto; display: block; }
figcaption { font-size: 10px; color: #5b6472; margin-top: 2px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 9.5px; margin: 4px 0 8px; break-inside: avoid; }
.legend span { display: inline-flex; align-items: center; gap: 4px; }
.legend i { display: inline-block; width: 14px; height: 10px; border: 1.2px solid transparent; border-radius: 2px; }
.legend b.line { display: inline-block; width: 18px; border-top: 1.5px solid #555; }
.legend b.dash { border-top-style: dashed; }
.path { font-size: 9.5px; }
ol.cite { margin: 0; padding-left: 12px; font-size: 8.5px; color: #3d4654; }
ol.cite li { overflow-wrap: anywhere; }
ol.cite .loc { white-space: nowrap; }
.muted { color: #5b6472; }
`;

/** A system the trace's selection leaves out, whose part the answer follows all the same. */
const OUTSIDE = ` <span class="muted">(outside the selection)</span>`;

/**
 * The flows into our other systems: target, what goes there, the stored flow's transfer status and where it is stated.
 * None: no section (the summary says "0 flows into other systems of ours").
 */
function intoSystemsTable(flows: readonly PackSystemFlow[], systemName: (id: string) => string): string {
  if (flows.length === 0) return "";
  const out = [`<h2>Flows into other systems</h2>`];
  out.push(
    `<p class="muted">Personal data this answer's systems copy or send into another of our systems. A flow into a system owned or hosted outside the EEA is a transfer; a system not loaded is shown as such, its countries unknown.</p>`,
  );
  out.push(head([["From system", 14], ["Target system", 16], ["Tables / categories", 28], ["Transfer", 12], ["Stated at", 30]]));
  for (const f of flows) {
    const what = [
      f.tables.length ? `tables: ${f.tables.map(ident).join(", ")}` : "",
      f.categories.length ? `categories, tables not stated: ${esc(f.categories.join(", "))}` : "",
      f.waiting.length ? `copies of ${f.waiting.map(ident).join(", ")}, target table${f.loaded ? " not loaded" : "s in a system not loaded"}` : "",
    ].filter(Boolean);
    const transfer = f.transfer ? badge(f.transfer) : `<span class="nd">${f.loaded ? TRANSFER_WORDS["not-stated"] : "system not loaded"}</span>`;
    out.push(
      `<tr><td>${esc(systemName(f.system))}</td><td>${esc(f.targetName)}${f.loaded ? "" : ` <span class="nd">(system not loaded)</span>`}${f.outside ? OUTSIDE : ""}<br><span class="muted">${esc(f.name)}</span></td><td>${what.join("<br>")}</td><td>${transfer}</td><td>${cited([f.provenance])}</td></tr>`,
    );
  }
  out.push(`</tbody></table>`);
  return out.join("\n");
}

export function dpiaHtml({ trace, sends, silent, systems, date, sections, intoSystems = [] }: DpiaInput): string {
  const outsideSel = new Set(trace.outsideSelection ?? []);
  const marked = (system: string) => (outsideSel.has(system) ? OUTSIDE : "");
  const label = labeller(trace);
  const startField = new Map<string, string>();
  for (const v of trace.vendors) for (const f of v.fields) startField.set(f.id, f.evidence.nodes.find((n) => n.startsWith("column:")) ?? f.id);
  const figure = dpiaFigure(trace);
  const title = `DPIA: ${trace.from.label}`;
  const flows = [...sends].sort(
    (a, b) => a.vendor.name.localeCompare(b.vendor.name) || a.column.table.localeCompare(b.column.table) || a.column.name.localeCompare(b.column.name) || a.flow.flow.localeCompare(b.flow.flow),
  );
  const engagements: (TraceSend | TraceSilent)[] = [...new Map([...sends, ...silent].map((s) => [s.flow.flow, s])).values()];
  const unstated = [...silent].sort((a, b) => a.vendor.name.localeCompare(b.vendor.name) || a.flow.flow.localeCompare(b.flow.flow));
  const service = (s: TraceSend | TraceSilent) => (s.flow.service && s.flow.service !== s.vendor.name ? ` <span class="muted">(${esc(s.flow.service)})</span>` : "");
  const needing = engagements.filter((s) => needsAttention(s.flow.transfer)).sort((a, b) => a.vendor.name.localeCompare(b.vendor.name) || a.flow.flow.localeCompare(b.flow.flow));
  const systemsNeeding = intoSystems.filter((f) => f.transfer === null || needsAttention(f.transfer));
  const categoriesOf = (flow: string) => sorted(sends.filter((s) => s.flow.flow === flow).flatMap((s) => (s.category ? [s.category.name] : [])));

  const html: string[] = [];
  html.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}</style></head><body><main>`);
  html.push(`<h1>${esc(title)}</h1>`);
  html.push(`<p class="muted">Every personal-data flow the inventory states from this start to a vendor, with its evidence. "${NOT_DOCUMENTED}" marks what the inventory does not state.</p>`);
  html.push(`<dl class="meta">`);
  html.push(`<dt>Start</dt><dd>${esc(trace.from.label)} (${esc(trace.from.kind)}${trace.from.system && trace.from.kind !== "system" ? `, system ${esc(trace.from.system)}` : ""}) <span class="muted">${esc(trace.from.id)}</span></dd>`);
  html.push(
    `<dt>Data set</dt><dd>${systems.length ? systems.map((s) => `${esc(s.name)}: inventory from ${s.documentTitle ? `“${esc(s.documentTitle)}”` : `<span class="nd">${NOT_DOCUMENTED}</span>`}${s.documentFile ? ` (${esc(s.documentFile)})` : ""}`).join("<br>") : `<span class="nd">${NOT_DOCUMENTED}</span>`}</dd>`,
  );
  html.push(`<dt>Date</dt><dd>${esc(date)} (made from the graph as loaded then)</dd>`);
  html.push(`<dt>Filters in force</dt><dd>${filtersText(trace)}</dd>`);
  html.push(
    `<dt>Summary</dt><dd>${trace.vendors.length} vendor${trace.vendors.length === 1 ? "" : "s"}, ${engagements.length} vendor flow${engagements.length === 1 ? "" : "s"}, ${new Set(sends.map((s) => s.column.key)).size} field${new Set(sends.map((s) => s.column.key)).size === 1 ? "" : "s"} sent; ${needing.length + systemsNeeding.length} flow${needing.length + systemsNeeding.length === 1 ? "" : "s"} needing a safeguard; ${intoSystems.length} flow${intoSystems.length === 1 ? "" : "s"} into other systems of ours${outsideSel.size ? ` (outside the selection: ${esc([...outsideSel].join(", "))})` : ""}</dd>`,
  );
  html.push(`</dl>`);
  if (sections) html.push(sections.before);

  // A figure taller than a page starts on a page of its own and goes on over the pages it needs, each with the legend.
  html.push(`<h2${figure && figure.pages.length > 1 ? ' class="page-start"' : ""}>Figure</h2>`);
  if (!figure) html.push(`<p>No flow to a vendor or into another system of ours is stated from this start${trace.filters.vendors.length + trace.filters.categories.length + trace.filters.countries.length + trace.filters.transfers.length ? " under these filters" : ""}.</p>`);
  else {
    const n = figure.pages.length;
    const what = figure.blocks.length > 1 ? `one block per ${figure.systems ? "vendor or system" : "vendor"} (${figure.blocks.length} blocks)` : "all flows";
    const lanes = figure.systems ? "fields → vendors and our systems → countries" : "fields → vendors → countries";
    figure.pages.forEach((p, i) =>
      html.push(`<figure class="figure-page">${legend(figure.systems)}${p.svg}<figcaption>Figure 1. ${esc(trace.from.label)} → ${lanes}, ${what}${n > 1 ? ` (page ${i + 1} of ${n})` : ""}.</figcaption></figure>`),
    );
  }

  html.push(`<h2>Flows</h2>`);
  html.push(
    head([["Start field", 13], ["Field sent", 15], ["Category", 9], ["Vendor", 12], ["Countries", 10], ["Transfer", 9], ["Mechanism", 10], ["Retention", 11], ["Purpose", 11]]),
  );
  for (const s of flows) {
    const fieldId = `column:${s.column.key}`;
    html.push(
      `<tr><td>${ident(label(startField.get(fieldId) ?? fieldId))}</td><td>${ident(`${s.column.table}.${s.column.name}`)}${marked(s.column.system)}</td><td>${orNot(s.category?.name)}</td><td>${esc(s.vendor.name)}${s.flow.service && s.flow.service !== s.vendor.name ? ` <span class="muted">(${esc(s.flow.service)})</span>` : ""}</td><td>${placesText(s)}</td><td>${badge(s.flow.transfer)}</td><td>${s.flow.mechanism ? esc(safeguardWords(s.flow.mechanism)) : `<span class="nd">${NOT_DOCUMENTED}</span>`}</td><td>${orNot(s.flow.retention)}</td><td>${esc(s.flow.purpose)}</td></tr>`,
    );
  }
  for (const s of unstated) {
    html.push(
      `<tr><td><span class="nd">${NOT_DOCUMENTED}</span></td><td><span class="nd">${FIELDS_NOT_STATED}</span></td><td><span class="nd">${NOT_DOCUMENTED}</span></td><td>${esc(s.vendor.name)}${service(s)}</td><td>${placesText(s)}</td><td>${badge(s.flow.transfer)}</td><td>${s.flow.mechanism ? esc(safeguardWords(s.flow.mechanism)) : `<span class="nd">${NOT_DOCUMENTED}</span>`}</td><td>${orNot(s.flow.retention)}</td><td>${esc(s.flow.purpose)}</td></tr>`,
    );
  }
  html.push(`</tbody></table>`);

  const intoSection = intoSystemsTable(intoSystems, (id) => systems.find((x) => x.system === id)?.name ?? id);
  if (intoSection) html.push(intoSection);

  html.push(`<h2>Vendors</h2>`);
  html.push(head([["Vendor", 14], ["Legal entity", 14], ["Role", 11], ["Services", 17], ["Entity country", 11], ["Data stored in", 11], ["Transfer", 11], ["Safeguard", 11]]));
  for (const v of trace.vendors) {
    const legal = sorted(v.flows.flatMap((f) => (f.legalName ? [f.legalName] : [])));
    const entity = v.countries.filter((c) => c.role === "entity").map((c) => c.name);
    const data = v.countries.filter((c) => c.role === "data").map((c) => c.name);
    const mechanisms = sorted(v.flows.map((f) => safeguardWords(f.mechanism)));
    html.push(
      `<tr><td>${esc(v.name)}${cited(v.flows.map((f) => f.provenance), true)}</td><td>${legal.length ? esc(legal.join("; ")) : `<span class="nd">${NOT_DOCUMENTED}</span>`}</td><td>${esc(sorted(v.flows.map((f) => f.role)).join(", "))}</td><td>${v.services.length ? esc(v.services.join(", ")) : `<span class="nd">${NOT_DOCUMENTED}</span>`}</td><td>${entity.length ? esc(entity.join(", ")) : `<span class="nd">${TRANSFER_WORDS["not-stated"]}</span>`}</td><td>${data.length ? esc(data.join(", ")) : `<span class="nd">${TRANSFER_WORDS["not-stated"]}</span>`}</td><td>${badge(v.transfer)}</td><td>${mechanisms.map((m) => (m === NOT_DOCUMENTED ? `<span class="nd">${m}</span>` : esc(m))).join("; ")}</td></tr>`,
    );
  }
  html.push(`</tbody></table>`);

  html.push(`<h2>Transfers needing safeguards</h2>`);
  if (needing.length === 0 && systemsNeeding.length === 0) html.push(`<p>None: every listed flow stays in the EEA or goes to a country with an adequacy decision covering it.</p>`);
  else {
    html.push(`<p class="muted">Flows to a third country, or whose inventory leaves out where the vendor or the data is, or into one of our systems not loaded (unknown, never taken as safe).</p>`);
    html.push(head([["Vendor", 14], ["System", 10], ["Service / purpose", 26], ["Categories", 14], ["Countries", 12], ["Transfer", 12], ["Safeguard", 12]]));
    for (const s of needing) {
      const cats = categoriesOf(s.flow.flow);
      html.push(
        `<tr><td>${esc(s.vendor.name)}</td><td>${esc(systems.find((x) => x.system === s.flow.system)?.name ?? s.flow.system)}</td><td>${esc([s.flow.service, s.flow.purpose].filter(Boolean).join(": "))}</td><td>${cats.length ? esc(cats.join(", ")) : `<span class="nd">${NOT_DOCUMENTED}</span>`}</td><td>${placesText(s)}</td><td>${badge(s.flow.transfer)}</td><td>${s.flow.mechanism ? esc(safeguardWords(s.flow.mechanism)) : `<span class="nd">${NOT_DOCUMENTED}</span>`}</td></tr>`,
      );
    }
    // Flows into our own systems owned or hosted outside the EEA: the target system stands where a vendor would.
    for (const f of systemsNeeding) {
      html.push(
        `<tr><td>${esc(f.targetName)} <span class="muted">(our system)</span></td><td>${esc(systems.find((x) => x.system === f.system)?.name ?? f.system)}</td><td>${esc(f.name)}</td><td>${f.tables.length || f.categories.length ? esc(sorted([...f.tables, ...f.categories]).join(", ")) : `<span class="nd">${NOT_DOCUMENTED}</span>`}</td><td>${f.places ? placesText({ places: f.places.map((p) => ({ type: p.type, location: p })) }) : '<span class="nd">system not loaded</span>'}</td><td>${f.transfer ? badge(f.transfer) : '<span class="nd">system not loaded</span>'}</td><td>${f.mechanism ? esc(safeguardWords(f.mechanism)) : `<span class="nd">${NOT_DOCUMENTED}</span>`}</td></tr>`,
      );
    }
    html.push(`</tbody></table>`);
  }

  html.push(`<h2>Evidence: how each field reaches its vendor</h2>`);
  html.push(`<p class="muted">Each step of a path cites the inventory line that states it (file:line, the source document and its section); a step the product infers says by which rule.</p>`);
  html.push(head([["Vendor", 11], ["Field", 15], ["Path in the inventory", 30], ["Copied by", 12], ["Stated at (each step)", 32]]));
  for (const v of trace.vendors) {
    for (const f of v.fields) {
      html.push(
        `<tr><td>${esc(v.name)}</td><td>${ident(`${f.table}.${f.column}`)}${marked(f.system)}</td><td class="path">${f.evidence.nodes.map((n) => ident(label(n))).join(" → ")}</td><td>${f.evidence.via.length ? esc(f.evidence.via.join(" → ")) : '<span class="muted">no copy: the start holds it</span>'}</td><td>${cited(f.evidence.provenance)}</td></tr>`,
      );
    }
  }
  const flowProvenance = new Map(trace.vendors.flatMap((v) => v.flows.map((f) => [f.id, f.provenance] as const)));
  for (const s of unstated) {
    html.push(
      `<tr><td>${esc(s.vendor.name)}${service(s)}</td><td><span class="nd">${FIELDS_NOT_STATED}</span></td><td class="path">${ident(label(trace.from.id))} → ${ident(label(`vendor:${s.vendor.key}`))} <span class="muted">(the system's engagement; the inventory names no field it receives)</span></td><td><span class="muted">no copy</span></td><td>${cited([flowProvenance.get(s.flow.flow) ?? []])}</td></tr>`,
    );
  }
  html.push(`</tbody></table>`);
  if (sections) html.push(sections.after);
  html.push(`</main></body></html>`);
  return html.join("\n");
}

/** The pack's style, for documents printed beside it (the transfer impact assessment). */
export const PACK_CSS = CSS;
