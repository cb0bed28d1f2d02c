/**
 * Pure: a flow's transfer impact assessment, following the six steps of the EDPB's Recommendations 01/2020: a vendor
 * flow, or a flow into another of our systems owned or hosted outside the EEA (its data importer the system's legal
 * entity, its countries that entity's and the hosting ones; what the inventory leaves out reads "not stated").
 * What the transfer is comes from the graph (the flow's engagement, its fields and places, its transfer status as the
 * server's rule gave it, never re-derived); what only a person can assess comes from an assessment file, or reads
 * "not documented". A `derogation` flow asks for its Art. 49 justification instead; a flow whose destination is not
 * stated is not assessed: it has to be established first.
 */
import type { TiaFlow } from "./dpia.facts.js";
import { esc, STATUS_COLOUR } from "./dpia.figure.js";
import { sanitiseHtml } from "../assessments/assessment.sanitise.js";
import type { AssessmentTransfer } from "../assessments/assessment.schema.js";
import { NOT_DOCUMENTED, NOT_STATED, safeguardWords, TRANSFER_WORDS } from "../contract/words.js";

export type TiaKind = "tia" | "derogation" | "unknown" | "none";

/** What a flow needs, from the server's status and the stated mechanism. */
export function tiaKind(flow: Pick<TiaFlow["flow"], "transfer" | "mechanism">): TiaKind {
  if (flow.transfer === "not-stated") return "unknown";
  if (flow.transfer !== "third-country") return "none";
  return flow.mechanism === "derogation" ? "derogation" : "tia";
}

export interface TiaSource {
  assessment: { id: string; name: string };
  transfer: AssessmentTransfer;
}

const nd = `<span class="nd">${NOT_DOCUMENTED}</span>`;
const html = (s: string | undefined) => (s && s.trim() ? sanitiseHtml(s) : nd);
const badge = (f: TiaFlow) => `<span class="badge" style="color:${STATUS_COLOUR[f.flow.transfer]};border-color:${STATUS_COLOUR[f.flow.transfer]}">${esc(TRANSFER_WORDS[f.flow.transfer])}</span>`;

function places(f: TiaFlow, type: "LOCATED_IN" | "STORES_DATA_IN"): string {
  const p = f.places.filter((x) => x.type === type).map((x) => esc(x.name));
  return p.length ? p.join(", ") : `<span class="nd">${TRANSFER_WORDS["not-stated"]}</span>`;
}

/** Who receives the flow, as a heading names it: a vendor, or our system (saying so, and when it is not loaded). */
const recipient = (f: TiaFlow) => `${esc(f.vendorName)}${f.to === "system" ? ` <span class="muted">(our system${f.loaded ? "" : ", not loaded"})</span>` : ""}`;

function systemFacts(f: TiaFlow): string {
  const ns = `<span class="nd">${NOT_STATED}</span>`;
  const unknown = `<span class="nd">${NOT_STATED} (system not loaded)</span>`;
  const fields = f.fields.length ? esc(f.fields.join(", ")) : `<span class="nd">tables not stated: ${f.categories.length ? "the categories above" : NOT_STATED}</span>`;
  return `<dl class="meta">
<dt>Flow</dt><dd>${esc(f.flow.flow)}: ${esc(f.systemName)} → ${recipient(f)}</dd>
<dt>Data importer</dt><dd>${f.loaded ? (f.flow.legalName ? esc(f.flow.legalName) : ns) : unknown}, the legal entity of our system ${esc(f.vendorName)}</dd>
<dt>Purpose</dt><dd>${f.flow.purpose ? esc(f.flow.purpose) : nd}</dd>
<dt>Categories</dt><dd>${f.categories.length ? esc(f.categories.join(", ")) : nd}</dd>
<dt>Fields copied</dt><dd>${fields}</dd>
<dt>Importer's entity in</dt><dd>${f.loaded ? places(f, "LOCATED_IN") : unknown}</dd>
<dt>Hosted in</dt><dd>${f.loaded ? places(f, "STORES_DATA_IN") : unknown}</dd>
<dt>Transfer status</dt><dd>${f.loaded ? `${badge(f)} <span class="muted">(the server's transfer rule, as for a vendor flow)</span>` : unknown}</dd>
</dl>`;
}

function transferFacts(f: TiaFlow): string {
  if (f.to === "system") return systemFacts(f);
  const fields = f.fields.length ? esc(f.fields.sort().join(", ")) : `<span class="nd">fields received: not stated</span>`;
  return `<dl class="meta">
<dt>Flow</dt><dd>${esc(f.flow.flow)}: ${esc(f.systemName)} → ${esc(f.vendorName)}${f.flow.service && f.flow.service !== f.vendorName ? ` (${esc(f.flow.service)})` : ""}</dd>
<dt>Recipient</dt><dd>${f.flow.legalName ? esc(f.flow.legalName) : nd}, ${f.flow.role ? esc(f.flow.role) : nd}</dd>
<dt>Purpose</dt><dd>${f.flow.purpose ? esc(f.flow.purpose) : nd}</dd>
<dt>Categories</dt><dd>${f.categories.length ? esc(f.categories.sort().join(", ")) : nd}</dd>
<dt>Fields</dt><dd>${fields}</dd>
<dt>Vendor's entity in</dt><dd>${places(f, "LOCATED_IN")}</dd>
<dt>Data stored in</dt><dd>${places(f, "STORES_DATA_IN")}</dd>
<dt>Transfer status</dt><dd>${badge(f)} <span class="muted">(the server's transfer rule)</span></dd>
</dl>`;
}

/** One flow's section: a TIA, a derogation's justification, or the note that its destination must be established. */
export function tiaSection(f: TiaFlow, source: TiaSource | undefined, level: 2 | 3 = 3): string {
  const h = `h${level}`;
  const sub = `h${level + 1}`;
  const kind = tiaKind(f.flow);
  const t = source?.transfer;
  const from = source ? `<p class="muted">Assessment: ${esc(source.assessment.name)} (${esc(source.assessment.id)}).</p>` : `<p class="muted">No loaded assessment covers this flow: what only a person can assess reads "${NOT_DOCUMENTED}".</p>`;
  const title = `<${h} class="tia">Transfer: ${esc(f.systemName)} → ${recipient(f)} <span class="muted">(${esc(f.flow.flow)})</span></${h}>`;
  if (kind === "unknown") {
    const why =
      f.to === "vendor"
        ? "The inventory does not state where the vendor's entity or the data is"
        : f.loaded
          ? `The inventory of our system ${esc(f.vendorName)} does not state its legal entity's country or where it is hosted`
          : `Our system ${esc(f.vendorName)} is not loaded: who owns it and where it is hosted are unknown`;
    return `${title}<p><strong>Destination unknown: establish it first.</strong> ${why}, so this transfer cannot be assessed. Not assessed.</p>${transferFacts(f)}`;
  }
  if (kind === "none") {
    return `${title}<p>No transfer impact assessment needed: ${badge(f)} (the destination is in the EEA or covered by an adequacy decision).</p>${transferFacts(f)}`;
  }
  if (kind === "derogation") {
    return `${title}${from}${transferFacts(f)}<${sub}>Art. 49 derogation: justification</${sub}><p class="muted">A derogation applies only to occasional transfers and is interpreted strictly; state which one (Art. 49(1)(a)–(g)) and why it applies.</p><div class="answer">${html(t?.derogation)}</div>`;
  }
  const mechanism = f.flow.mechanism
    ? `${esc(safeguardWords(f.flow.mechanism))}${f.flow.mechanism === "adequacy" || f.flow.mechanism === "dpf" ? ' <span class="nd">(stated, but the transfer rule finds no adequacy decision covering this destination: an Art. 46 tool is needed)</span>' : ""}`
    : `<span class="nd">${NOT_DOCUMENTED}: no Art. 46 tool (SCCs, BCRs) is stated</span>`;
  const measures = t && t.supplementaryMeasures.length ? `<ul>${t.supplementaryMeasures.map((m) => `<li>${sanitiseHtml(m)}</li>`).join("")}</ul>` : nd;
  return `${title}${from}
<${sub}>Step 1. Know the transfer</${sub}>${transferFacts(f)}
<${sub}>Step 2. The transfer tool relied on</${sub}><p>${mechanism}</p>
<${sub}>Step 3. Law and practice of the destination</${sub}><div class="answer">${html(t?.law)}</div>
<${sub}>Step 4. Supplementary measures</${sub}><div class="answer">${measures}</div>
<${sub}>Step 5. Procedural steps</${sub}><div class="answer">${html(t?.proceduralSteps)}</div>
<${sub}>Step 6. Re-evaluation</${sub}><p>${t?.reevaluation ? `Re-evaluate by ${esc(t.reevaluation)}.` : nd}</p>
${t?.conclusion ? `<${sub}>Conclusion</${sub}><div class="answer">${sanitiseHtml(t.conclusion)}</div>` : ""}`;
}

export const TIA_CSS = `
.answer { border-left: 2px solid #c9ced6; padding: 2px 0 2px 8px; margin: 2px 0 6px; }
.answer p, .answer div, .answer ul, .answer ol { margin: 0 0 3px; }
h3.tia { border-top: 1.5px solid #c9ced6; padding-top: 6px; margin-top: 16px; }
h4 { font-size: 10.5px; margin: 6px 0 2px; break-after: avoid; }
h2.tias { break-before: page; }
`;

/** The standalone TIA page (`/api/reports/tia`): the flow's section with the pack's look. */
export function tiaDocument(f: TiaFlow, source: TiaSource | undefined, date: string, css: string): string {
  const title = `Transfer impact assessment: ${f.systemName} → ${f.vendorName}${f.to === "system" ? " (our system)" : ""}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${css}${TIA_CSS}</style></head><body><main>
<h1>${esc(title)}</h1>
<p class="muted">Following the six steps of the EDPB's Recommendations 01/2020 on supplementary measures. The transfer is as the graph states it on ${esc(date)}; "${NOT_DOCUMENTED}" marks what is still to assess.</p>
${tiaSection(f, source, 2)}
</main></body></html>`;
}
