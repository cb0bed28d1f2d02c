/**
 * What the DPIA's own sections need beyond the trace: the facts the graph holds about the traced systems, the
 * assessment asked for, and each flow's transfer impact assessment (from that assessment, else from any loaded one
 * that has one for the flow). Kept apart from `dpia.service.ts` so the pack's service only hooks it in.
 */
import type { DpiaFactsRepository, TiaFlow } from "./dpia.facts.js";
import { dpiaSections } from "./dpia.sections.js";
import type { TiaSource } from "./tia.html.js";
import { flowKey } from "../assessments/assessment.parse.js";
import type { Assessment } from "../assessments/assessment.schema.js";
import type { AssessmentSummary } from "../assessments/assessments.schema.js";
import type { AssessmentsService } from "../assessments/assessments.service.js";
import type { TraceResponse } from "../contract/api.js";
import { parseNodeId, type ParsedNodeId } from "../contract/ids.js";
import { ValidationError } from "../errors.js";
import type { TraceSend, TraceSilent } from "../trace/trace.repository.js";
import { TRACE_START_KINDS } from "../trace/trace.schema.js";

/** Where the pack traces from: the node asked for, else the assessment's start, else the first node it covers that a trace can start at. */
export function startOf(from: ParsedNodeId | undefined, a: Assessment | undefined): ParsedNodeId {
  if (from) return from;
  const candidates = [a?.assessment.start, ...(a?.assessment.covers ?? [])].filter((x): x is string => !!x && !flowKey(x));
  for (const c of candidates) {
    const p = parseNodeId(c);
    if (p && (TRACE_START_KINDS as readonly string[]).includes(p.kind)) return { id: c, ...p };
  }
  throw new ValidationError("The assessment names no node to trace from: add `from`, or state `assessment.start` in its file", { field: "from" });
}

/** A flow of the pack as its TIA needs it: the engagement, its fields and categories, where its vendor and data are. */
export function tiaFlowOf(flow: string, sends: TraceSend[], silent: TraceSilent[], systemName: (s: string) => string): TiaFlow | undefined {
  const mine = sends.filter((s) => s.flow.flow === flow);
  const first = mine[0] ?? silent.find((s) => s.flow.flow === flow);
  if (!first) return undefined;
  return {
    to: "vendor",
    loaded: true,
    system: first.flow.system,
    systemName: systemName(first.flow.system),
    vendorName: first.flow.vendorName ?? first.vendor.name,
    flow: { flow, service: first.flow.service, purpose: first.flow.purpose, role: first.flow.role, legalName: first.flow.legalName, mechanism: first.flow.mechanism, transfer: first.flow.transfer },
    fields: [...new Set(mine.map((s) => `${s.column.table}.${s.column.name}`))],
    categories: [...new Set(mine.flatMap((s) => (s.category ? [s.category.name] : [])))],
    places: [...new Map(first.places.map((p) => [`${p.type}/${p.location.code}`, { type: p.type, code: p.location.code, name: p.location.name }])).values()],
  };
}

/** The loaded assessment that holds a TIA for `flow`: the one asked for when it has one, else the first (by id) that does. */
export async function tiaSourceFor(flow: string, assessments: AssessmentsService, asked?: { summary: AssessmentSummary; assessment: Assessment }): Promise<TiaSource | undefined> {
  const own = (a: Assessment) => a.transfers.find((t) => flowKey(t.flow) === flow);
  if (asked) {
    const t = own(asked.assessment);
    if (t) return { assessment: { id: asked.assessment.assessment.id, name: asked.assessment.assessment.name }, transfer: t };
  }
  for (const id of await assessments.forFlow(flow)) {
    const found = await assessments.get(id);
    const t = own(found.assessment);
    if (t) return { assessment: { id, name: found.assessment.assessment.name }, transfer: t };
  }
  return undefined;
}

export async function dpiaInputs(input: {
  trace: TraceResponse;
  sends: TraceSend[];
  silent: TraceSilent[];
  /** The pack's flows into our other systems, as their TIAs read them (`systemTiaFlow`). */
  systemTias?: TiaFlow[];
  assessed: { summary: AssessmentSummary; assessment: Assessment } | undefined;
  facts: DpiaFactsRepository;
  assessments: AssessmentsService;
}): Promise<{ before: string; after: string }> {
  const { trace, sends, silent, assessed } = input;
  const ids = new Set<string>();
  for (const n of trace.elements.nodes) if (n.data.kind === "table" || n.data.kind === "column") ids.add(n.data.id);
  for (const v of trace.vendors) for (const f of v.fields) for (const n of f.evidence.nodes) if (n.startsWith("table:") || n.startsWith("column:")) ids.add(n);
  for (const s of sends) ids.add(`column:${s.column.key}`);
  if (trace.from.kind === "table" || trace.from.kind === "column") ids.add(trace.from.id);
  const facts = await input.facts.facts(trace.systems, [...ids]);
  const names = new Map(facts.systems.map((s) => [s.system, s.name]));
  const flows = [...new Set([...sends, ...silent].map((s) => s.flow.flow))].sort();
  const tias: { flow: TiaFlow; source?: TiaSource | undefined }[] = [];
  for (const flow of flows) {
    const f = tiaFlowOf(flow, sends, silent, (s) => names.get(s) ?? s);
    if (!f || f.flow.transfer === "eea" || f.flow.transfer === "adequate") continue;
    tias.push({ flow: f, source: await tiaSourceFor(flow, input.assessments, assessed) });
  }
  // A flow into a system of ours owned or hosted outside the EEA is a transfer too, assessed the same way.
  for (const f of input.systemTias ?? []) {
    if (f.flow.transfer === "eea" || f.flow.transfer === "adequate") continue;
    tias.push({ flow: f, source: await tiaSourceFor(f.flow.flow, input.assessments, assessed) });
  }
  tias.sort((a, b) => a.flow.vendorName.localeCompare(b.flow.vendorName) || a.flow.flow.flow.localeCompare(b.flow.flow.flow));
  return dpiaSections({ trace, sends, silent, facts, assessed, tias });
}
