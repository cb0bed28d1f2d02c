/**
 * Pure: the sections of a DPIA that GDPR Art. 35(7) asks for, put before the pack's flows: a systematic description
 * of the processing, necessity and proportionality, the risks (with the CNIL risk map), the measures, the opinions
 * (DPO, data subjects, prior consultation) and a sign-off block; after them, a transfer impact assessment per flow
 * that needs one. The graph fills what it knows, a loaded assessment the rest; everything else reads "not
 * documented", so the gaps are the DPO's to-do list.
 */
import type { DpiaFacts } from "./dpia.facts.js";
import type { TiaFlow } from "./dpia.facts.js";
import { esc } from "./dpia.figure.js";
import { LEVEL_NAMES, riskMapLegend, riskMapSvg, type MapRisk } from "./dpia.riskmap.js";
import { TIA_CSS, tiaKind, tiaSection, type TiaSource } from "./tia.html.js";
import { sanitiseHtml } from "../assessments/assessment.sanitise.js";
import { RISK_KEYS, RISK_WORDS, type Assessment } from "../assessments/assessment.schema.js";
import type { AssessmentSummary } from "../assessments/assessments.schema.js";
import { TEXT_QUESTIONS } from "../assessments/cnil.map.js";
import type { TraceResponse } from "../contract/api.js";
import { FIELDS_NOT_STATED, lawfulBasisWords, NOT_DOCUMENTED } from "../contract/words.js";
import type { TraceSend, TraceSilent } from "../trace/trace.repository.js";

export interface SectionsInput {
  trace: TraceResponse;
  sends: TraceSend[];
  silent: TraceSilent[];
  facts: DpiaFacts;
  assessed?: { summary: AssessmentSummary; assessment: Assessment } | undefined;
  tias: { flow: TiaFlow; source?: TiaSource | undefined }[];
}

const nd = `<span class="nd">${NOT_DOCUMENTED}</span>`;
const text = (s: string | null | undefined) => (s && s.trim() ? esc(s) : nd);
const answer = (s: string | undefined) => (s && s.trim() ? `<div class="answer">${sanitiseHtml(s)}</div>` : `<div class="answer">${nd}</div>`);
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));
const table = (cols: [string, number][]) =>
  `<table><colgroup>${cols.map(([, w]) => `<col style="width:${w}%">`).join("")}</colgroup><thead><tr>${cols.map(([h]) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>`;
const level = (n: number | undefined) => (n && n > 0 ? `${n} ${LEVEL_NAMES[n - 1]!.toLowerCase()}` : "");

const CSS = `<style>
.warn { border: 1.5px solid #b3261e; color: #7a1410; padding: 4px 8px; margin: 6px 0; break-inside: avoid; }
.ok { border: 1px solid #2e7d32; padding: 4px 8px; margin: 6px 0; }
.sign td { height: 28px; }
.riskmap svg { max-width: 470px; }
td p, td div, td ul, td ol { margin: 0 0 3px; }
${TIA_CSS}
</style>`;

function assessmentBlock(a: SectionsInput["assessed"]): string {
  if (!a) {
    return `<p class="warn">No assessment is loaded for this pack (<code>?assessment=&lt;id&gt;</code>; see <code>/api/assessments</code>). Every section below shows what the graph knows; "${NOT_DOCUMENTED}" marks what the DPO still has to document.</p>`;
  }
  const s = a.summary;
  const x = a.assessment.assessment;
  const fp = s.fingerprint.changed
    ? `<p class="warn"><strong>The graph facts this assessment covers have changed since it was assessed</strong> (recorded ${esc(s.fingerprint.recorded.slice(0, 19))}…, now ${esc(s.fingerprint.current.slice(0, 19))}…): review the assessment (GDPR Art. 35(11)).</p>`
    : `<p class="ok">The graph facts this assessment covers (${s.nodes.length} node${s.nodes.length === 1 ? "" : "s"}, ${s.flows.length} flow${s.flows.length === 1 ? "" : "s"}) are unchanged since it was ${s.fingerprint.source === "file" ? "assessed" : "imported"}.</p>`;
  return `<dl class="meta"><dt>Assessment</dt><dd>${esc(x.name)} <span class="muted">(${esc(x.id)}, ${esc(s.file)})</span></dd><dt>Status</dt><dd>${esc(x.status)}</dd><dt>Author / evaluator / validator</dt><dd>${text(x.author)} / ${text(x.evaluator)} / ${text(x.validator)}</dd><dt>Last updated</dt><dd>${text(x.updatedAt ?? x.createdAt)}</dd></dl>${fp}`;
}

function commentsOn(a: Assessment | undefined, on: string): string {
  const cs = a?.comments.filter((c) => c.on === on) ?? [];
  return cs.map((c) => `<div class="muted">Comment: ${sanitiseHtml(c.text)}</div>`).join("");
}

function evaluationOf(a: Assessment | undefined, of: string): string {
  const e = a?.evaluations.find((x) => x.of === of);
  if (!e) return nd;
  return [esc(e.status), e.comment ? sanitiseHtml(e.comment) : "", e.actionPlan ? `<em>Action:</em> ${sanitiseHtml(e.actionPlan)}` : ""].filter(Boolean).join("<br>");
}

function question(a: Assessment | undefined, id: number): string {
  const q = TEXT_QUESTIONS.find((t) => t.id === id)!;
  const value = a ? (q.part === "context" ? (a.context as Record<string, string | undefined>) : (a.principles as Record<string, string | undefined>))[q.key] : undefined;
  return `<h3>${esc(q.question)}</h3>${answer(value)}${commentsOn(a, `${q.part}.${q.key}`)}`;
}

function description(input: SectionsInput, a: Assessment | undefined): string {
  const { trace, sends, silent, facts } = input;
  const out: string[] = [`<h2>1. Systematic description of the processing (Art. 35(7)(a))</h2>`];
  out.push(`<h3>Controller</h3>${table([["System", 18], ["Organisation", 22], ["Role", 14], ["DPO", 23], ["EU representative", 23]])}`);
  for (const s of facts.systems) {
    out.push(
      `<tr><td>${esc(s.name)}</td><td>${text(s.orgName ?? s.legalName)}${s.orgContact ? `<br>${esc(s.orgContact)}` : ""}</td><td>${text(s.role)}</td><td>${s.dpoName || s.dpoContact ? esc([s.dpoName, s.dpoContact].filter(Boolean).join(", ")) : nd}</td><td>${s.repName || s.repContact ? esc([s.repName, s.repContact].filter(Boolean).join(", ")) : nd}</td></tr>`,
    );
  }
  out.push(`</tbody></table>`);
  out.push(question(a, 111), question(a, 112), question(a, 113));

  out.push(`<h3>Data subjects</h3>`);
  const subjects = trace.from.kind === "subject" ? [...facts.subjects, { id: trace.from.id, name: trace.from.label, system: trace.from.system ?? "" }] : facts.subjects;
  const subjectNames = sorted(subjects.map((s) => s.name));
  out.push(subjectNames.length ? `<p>${subjectNames.map(esc).join(", ")}</p>` : `<p>${nd}: no table of this trace names the data subjects it describes.</p>`);

  out.push(`<h3>Categories of personal data</h3>`);
  const categories = new Map<string, Set<string>>();
  for (const s of sends) {
    const name = s.category?.name ?? NOT_DOCUMENTED;
    categories.set(name, (categories.get(name) ?? new Set()).add(`${s.column.table}.${s.column.name}`));
  }
  if (categories.size === 0 && silent.length === 0) out.push(`<p>${nd}</p>`);
  else {
    out.push(table([["Category", 30], ["Fields sent to vendors", 70]]));
    for (const [c, fields] of [...categories].sort(([x], [y]) => x.localeCompare(y))) out.push(`<tr><td>${c === NOT_DOCUMENTED ? nd : esc(c)}</td><td>${esc(sorted(fields).join(", "))}</td></tr>`);
    if (silent.length) out.push(`<tr><td>${nd}</td><td><span class="nd">${FIELDS_NOT_STATED}</span> (${silent.length} flow${silent.length === 1 ? "" : "s"})</td></tr>`);
    out.push(`</tbody></table>`);
  }

  out.push(`<h3>Processing activities, purposes and lawful bases</h3>`);
  const tracePurposes = new Set(facts.purposes.map((p) => p.id));
  const traceSubjects = new Set(subjects.map((s) => s.id));
  const activities = facts.activities
    .filter((x) => trace.from.kind === "system" || x.purposes.some((p) => tracePurposes.has(p)) || x.subjects.some((s) => traceSubjects.has(s)))
    .sort((x, y) => x.name.localeCompare(y.name));
  const purposeName = new Map(facts.purposes.map((p) => [p.id, p.name]));
  const subjectName = new Map(subjects.map((s) => [s.id, s.name]));
  if (activities.length === 0) out.push(`<p>${nd}: no processing activity of ${facts.systems.map((s) => esc(s.name)).join(", ") || "these systems"} groups this trace's purposes.</p>`);
  else {
    out.push(table([["Activity", 15], ["Role", 9], ["Purposes", 18], ["Lawful basis", 14], ["Legitimate interest", 12], ["Art. 9 condition", 9], ["Data subjects", 9], ["Volume", 6], ["Retention", 8]]));
    for (const x of activities) {
      const basis = x.lawfulBasis ? esc(lawfulBasisWords(x.lawfulBasis)) : nd;
      const li = x.lawfulBasis === "legitimate-interests" ? `${text(x.legitimateInterest)}${x.liaLink ? `<br><span class="muted">LIA: ${esc(x.liaLink)}</span>` : ""}` : '<span class="muted">n/a</span>';
      const purposes = x.purposes.map((p) => purposeName.get(p) ?? p.slice(p.indexOf("/") + 1));
      out.push(
        `<tr><td>${esc(x.name)}</td><td>${text(x.role)}${x.controllers.length ? `<br><span class="muted">for ${esc(x.controllers.join(", "))}</span>` : ""}</td><td>${purposes.length ? esc(sorted(purposes).join("; ")) : nd}</td><td>${basis}</td><td>${li}</td><td>${text(x.specialCategoryCondition)}</td><td>${x.subjects.length ? esc(sorted(x.subjects.map((s) => subjectName.get(s) ?? s.slice(s.indexOf("/") + 1))).join(", ")) : nd}</td><td>${text(x.volume)}</td><td>${text(x.retention)}</td></tr>`,
      );
    }
    out.push(`</tbody></table>`);
  }
  const grouped = new Set(activities.flatMap((x) => x.purposes));
  const loose = facts.purposes.filter((p) => !grouped.has(p.id)).sort((x, y) => x.name.localeCompare(y.name));
  if (loose.length) {
    out.push(`<p class="muted">Purposes of this trace's fields that no processing activity groups (so no lawful basis is recorded for them):</p>`);
    out.push(table([["Purpose", 70], ["Lawful basis", 30]]));
    for (const p of loose) out.push(`<tr><td>${esc(p.name)}</td><td>${nd}</td></tr>`);
    out.push(`</tbody></table>`);
  }
  out.push(`<p>Recipients: ${trace.vendors.length} vendor${trace.vendors.length === 1 ? "" : "s"} (see Flows and Vendors below).</p>`);
  out.push(question(a, 121), question(a, 122), question(a, 123));
  return out.join("\n");
}

function necessity(a: Assessment | undefined): string {
  const out = [`<h2>2. Necessity and proportionality (Art. 35(7)(b))</h2>`];
  out.push(`<p class="muted">Fundamental principles (CNIL PIA section 2). Lawful bases as the graph states them are in section 1.</p>`);
  out.push(table([["Question", 30], ["Answer", 45], ["Evaluation", 25]]));
  for (const q of TEXT_QUESTIONS.filter((t) => t.part === "principles")) {
    const value = a ? (a.principles as Record<string, string | undefined>)[q.key] : undefined;
    out.push(`<tr><td>${esc(q.question)}</td><td>${value && value.trim() ? sanitiseHtml(value) : nd}${commentsOn(a, `principles.${q.key}`)}</td><td>${evaluationOf(a, `principles.${q.key}`)}</td></tr>`);
  }
  out.push(`</tbody></table>`);
  return out.join("\n");
}

function risks(a: Assessment | undefined): string {
  const out = [`<h2>3. Risks to the rights and freedoms of data subjects (Art. 35(7)(c))</h2>`];
  const map: MapRisk[] = RISK_KEYS.map((k, i) => {
    const r = a?.risks[k];
    const residual = a?.evaluations.find((e) => e.of === `risks.${k}`)?.residual;
    return { n: i + 1, name: RISK_WORDS[k], severity: r?.severity.level, likelihood: r?.likelihood.level, residual };
  });
  const { svg, unplaced } = riskMapSvg(map);
  if (unplaced.length < map.length) {
    out.push(`<figure class="riskmap">${riskMapLegend(map)}${svg}<figcaption>Risk map (CNIL scales): each risk's severity and likelihood as assessed, and its residual level after the planned measures where the assessment states one.</figcaption></figure>`);
  }
  if (unplaced.length) out.push(`<p>Not estimated (severity and likelihood ${NOT_DOCUMENTED}): ${unplaced.map((r) => esc(r.name)).join(", ")}.</p>`);
  out.push(table([["Risk", 13], ["Sources", 11], ["Threats", 12], ["Impacts", 14], ["Severity", 13], ["Likelihood", 13], ["Residual", 12], ["Concerns", 12]]));
  RISK_KEYS.forEach((k, i) => {
    const r = a?.risks[k];
    const list = (xs: string[] | undefined) => (xs && xs.length ? esc(xs.join("; ")) : nd);
    const est = (e: { level?: number | undefined; text?: string | undefined } | undefined) => (e && (e.level || e.text) ? `${e.level ? `<strong>${esc(level(e.level))}</strong>` : nd}${e.text ? `<br>${sanitiseHtml(e.text)}` : ""}` : nd);
    const res = map[i]!.residual;
    out.push(
      `<tr><td>${i + 1}. ${esc(RISK_WORDS[k])}</td><td>${list(r?.sources)}</td><td>${list(r?.threats)}</td><td>${list(r?.impacts)}</td><td>${est(r?.severity)}</td><td>${est(r?.likelihood)}</td><td>${res && res.severity > 0 && res.likelihood > 0 ? `severity ${esc(level(res.severity))}, likelihood ${esc(level(res.likelihood))}` : nd}</td><td>${r?.nodes.length ? esc(r.nodes.join(", ")) : nd}</td></tr>`,
    );
  });
  out.push(`</tbody></table>`);
  return out.join("\n");
}

function measures(input: SectionsInput, a: Assessment | undefined): string {
  const out = [`<h2>4. Measures envisaged to address the risks (Art. 35(7)(d))</h2>`];
  const ms = a?.measures ?? [];
  if (ms.length === 0) out.push(`<p>${nd}: no measure is recorded.</p>`);
  else {
    out.push(table([["Measure", 18], ["Description", 31], ["State", 11], ["Protects", 19], ["Evaluation", 21]]));
    for (const m of ms) {
      const risksUsing = RISK_KEYS.filter((k) => a?.risks[k]?.measures.includes(m.title)).map((k) => RISK_WORDS[k]);
      out.push(
        `<tr><td>${esc(m.title)}${risksUsing.length ? `<br><span class="muted">against: ${esc(risksUsing.join(", "))}</span>` : ""}</td><td>${m.content && m.content.trim() ? sanitiseHtml(m.content) : nd}${commentsOn(a, `measures.${m.id}`)}</td><td>${text(m.state)}</td><td>${m.nodes.length ? esc(m.nodes.join(", ")) : nd}</td><td>${evaluationOf(a, `measures.${m.id}`)}</td></tr>`,
      );
    }
    out.push(`</tbody></table>`);
  }
  out.push(`<h3>Security measures the inventories state (Art. 32)</h3>`);
  out.push(table([["System", 20], ["Measures", 80]]));
  for (const s of input.facts.systems) {
    const sec = s.security.map((x) => `${x.key.replace(/^security/, "").replace(/([A-Z])/g, " $1").trim().toLowerCase()}: ${x.value}`);
    out.push(`<tr><td>${esc(s.name)}</td><td>${sec.length ? esc(sec.sort().join("; ")) : nd}</td></tr>`);
  }
  out.push(`</tbody></table>`);
  return out.join("\n");
}

/** What an evaluation's `of` names, in a reader's words. */
function placeName(a: Assessment, of: string): string {
  if (of === "context.overview") return "Context: overview";
  if (of === "context.dataProcessesAssets") return "Context: data, processes and supporting assets";
  const q = TEXT_QUESTIONS.find((t) => `${t.part}.${t.key}` === of);
  if (q) return q.question;
  if (of.startsWith("measures.")) return `Measure: ${a.measures.find((m) => m.id === of.slice("measures.".length))?.title ?? of}`;
  const risk = RISK_KEYS.find((k) => of === `risks.${k}`);
  return risk ? `Risk: ${RISK_WORDS[risk]}` : of;
}

function opinions(a: Assessment | undefined): string {
  const v = a?.validation;
  const out = [`<h2>5. Opinions</h2>`];
  out.push(`<h3>Data protection officer (Art. 35(2))</h3><dl class="meta"><dt>DPO</dt><dd>${text(v?.dpo.names)}</dd><dt>Opinion</dt><dd>${text(v?.dpo.status)}</dd></dl>${answer(v?.dpo.opinion)}`);
  const ds = v?.dataSubjects;
  out.push(
    `<h3>Views of the data subjects (Art. 35(9))</h3><dl class="meta"><dt>Views sought</dt><dd>${ds?.sought === undefined ? nd : ds.sought ? "yes" : "no"}</dd><dt>Who</dt><dd>${text(ds?.names)}</dd><dt>Their view</dt><dd>${text(ds?.status)}</dd></dl>${ds?.sought === false ? `<p>Why not sought:</p>${answer(ds.notSoughtReason)}` : answer(ds?.opinion)}`,
  );
  const pc = v?.priorConsultation;
  out.push(`<h3>Prior consultation of the supervisory authority (Art. 36)</h3><p>${pc?.needed === undefined ? nd : pc.needed ? "<strong>Needed</strong>: the residual risk stays high." : "Not needed."}</p>${pc?.reason ? answer(pc.reason) : ""}`);
  const plan = a?.evaluations.filter((e) => e.actionPlan) ?? [];
  if (plan.length) {
    out.push(`<h3>Action plan</h3>${table([["On", 22], ["Action", 50], ["Who", 14], ["By", 14]])}`);
    for (const e of plan) out.push(`<tr><td>${esc(placeName(a!, e.of))}</td><td>${sanitiseHtml(e.actionPlan!)}</td><td>${text(e.personInCharge)}</td><td>${text(e.implementationDate?.slice(0, 10))}</td></tr>`);
    out.push(`</tbody></table>`);
  }
  if (v?.rejectionReason) out.push(`<h3>Reason for refusal</h3>${answer(v.rejectionReason)}`);
  if (v?.appliedAdjustments) out.push(`<h3>Adjustments made</h3>${answer(v.appliedAdjustments)}`);
  return out.join("\n");
}

function signOff(a: Assessment | undefined): string {
  const s = a?.validation.signOff;
  return `<h2>6. Sign-off</h2>${table([["", 18], ["Name", 28], ["Role", 20], ["Date", 15], ["Signature", 19]])}
<tr class="sign"><td>Validated by</td><td>${text(s?.by ?? a?.assessment.validator)}</td><td>${text(s?.role)}</td><td>${text(s?.date)}</td><td></td></tr>
<tr class="sign"><td>DPO consulted</td><td>${text(a?.validation.dpo.names)}</td><td>DPO</td><td></td><td></td></tr>
</tbody></table>`;
}

function transfers(tias: SectionsInput["tias"]): string {
  const needing = tias.filter((t) => tiaKind(t.flow.flow) !== "none");
  const out = [`<h2 class="tias">Transfer impact assessments (EDPB Recommendations 01/2020)</h2>`];
  if (needing.length === 0) {
    out.push(`<p>None needed: no flow of this pack goes to a third country or to a destination the inventory leaves unknown.</p>`);
    return out.join("\n");
  }
  out.push(`<p class="muted">One per flow to a third country relying on an Art. 46 tool (or none documented yet); a derogation asks for its Art. 49 justification; a flow whose destination is not stated is listed, not assessed.</p>`);
  for (const t of needing) out.push(tiaSection(t.flow, t.source, 3));
  return out.join("\n");
}

export function dpiaSections(input: SectionsInput): { before: string; after: string } {
  const a = input.assessed?.assessment;
  return {
    before: [CSS, assessmentBlock(input.assessed), description(input, a), necessity(a), risks(a), measures(input, a), opinions(a), signOff(a)].join("\n"),
    after: transfers(input.tias),
  };
}
