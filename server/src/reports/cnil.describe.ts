/**
 * The graph's description of an assessment's processing, for the CNIL tool's data (121) and data-flow (122) answers:
 * the trace from the assessment's start (no filter), its data subjects, categories and fields, and each vendor flow
 * with the path its fields take and the server's transfer status. HTML in the tool's own tags (ul, li, strong).
 */
import type { DpiaFactsRepository } from "./dpia.facts.js";
import { esc } from "./dpia.figure.js";
import { startOf } from "./dpia.inputs.js";
import type { Assessment } from "../assessments/assessment.schema.js";
import type { GraphDescription } from "../assessments/cnil.export.js";
import { FIELDS_NOT_STATED, safeguardWords, TRANSFER_WORDS } from "../contract/words.js";
import type { NodeResolver } from "../nodes/node.resolve.js";
import { answeredSends, answeredSilent, assembleTrace, NO_TRACE_FILTERS } from "../trace/trace.assemble.js";
import type { TraceRepository } from "../trace/trace.repository.js";

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort((a, b) => a.localeCompare(b));

export async function describeProcessing(
  a: Assessment,
  deps: { trace: TraceRepository; resolver: NodeResolver; facts: DpiaFactsRepository },
  date = new Date().toISOString().slice(0, 10),
): Promise<GraphDescription> {
  const start = startOf(undefined, a);
  const row = await deps.resolver.load(start, (id) => deps.trace.downstream(id));
  const trace = assembleTrace(row, NO_TRACE_FILTERS);
  const sends = answeredSends(row, NO_TRACE_FILTERS);
  const silent = answeredSilent(row, NO_TRACE_FILTERS);
  const tables = trace.elements.nodes.filter((n) => n.data.kind === "table").map((n) => n.data.id);
  const facts = await deps.facts.facts(trace.systems, [...tables, ...(trace.from.kind === "table" ? [trace.from.id] : [])]);

  const categories = new Map<string, Set<string>>();
  for (const s of sends) {
    const c = s.category?.name ?? "category not documented";
    categories.set(c, (categories.get(c) ?? new Set()).add(`${s.column.table}.${s.column.name}`));
  }
  const subjects = sorted(facts.subjects.map((s) => s.name));
  const data = [
    `<ul>`,
    `<li><strong>Data subjects</strong> : ${subjects.length ? esc(subjects.join(", ")) : "not documented"}</li>`,
    ...[...categories].sort(([x], [y]) => x.localeCompare(y)).map(([c, f]) => `<li><strong>${esc(c)}</strong> : ${esc(sorted(f).join(", "))}</li>`),
    ...(silent.length ? [`<li><strong>${FIELDS_NOT_STATED}</strong> : ${esc(sorted(silent.map((s) => s.vendor.name)).join(", "))}</li>`] : []),
    `<li><strong>Recipients</strong> : ${trace.vendors.length ? esc(trace.vendors.map((v) => v.name).join(", ")) : "none stated"}</li>`,
    `</ul>`,
  ].join("\n");

  const flows = sorted([...sends, ...silent].map((s) => s.flow.flow));
  const items = flows.map((flow) => {
    const mine = sends.filter((s) => s.flow.flow === flow);
    const any = mine[0] ?? silent.find((s) => s.flow.flow === flow)!;
    const vendor = trace.vendors.find((v) => v.flows.some((f) => f.id === flow));
    const via = sorted((vendor?.fields ?? []).filter((f) => mine.some((s) => `column:${s.column.key}` === f.id)).flatMap((f) => f.evidence.via));
    const fields = mine.length ? sorted(mine.map((s) => `${s.column.table}.${s.column.name}`)).join(", ") : FIELDS_NOT_STATED;
    return `<li><strong>${esc(any.vendor.name)}</strong>${any.flow.service && any.flow.service !== any.vendor.name ? ` (${esc(any.flow.service)})` : ""} : ${esc(fields)}${via.length ? `, copied by ${esc(via.join(", "))}` : ""} ; ${esc(any.flow.purpose)} ; transfer: ${esc(TRANSFER_WORDS[any.flow.transfer])}, ${esc(safeguardWords(any.flow.mechanism))}</li>`;
  });
  const lifecycle = [`<p>From ${esc(trace.from.label)} (${esc(trace.from.id)}):</p>`, items.length ? `<ul>\n${items.join("\n")}\n</ul>` : `<p>No flow to a vendor is stated.</p>`].join("\n");
  return { data, lifecycle, caption: `${date}, ${trace.from.id}` };
}
