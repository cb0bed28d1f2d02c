/**
 * The one place stored provenance becomes the answer's: a node's or relationship's `at` (`file:line`, then the source
 * document and its section, joined by U+001F, as `inventory.graph.ts` writes it), its OpenLineage run (`observed*`), a
 * suggested category, a category-scoped copy's inferred reach.
 */
import type { Provenance } from "../contract/api.js";

const SEP = "\u001f";

/** `kentico.yaml:2793␟Personal data in Kentico␟E-commerce` → a `stated` provenance. */
export function statedAt(entry: string): Provenance | null {
  const [where = "", document, section] = entry.split(SEP);
  const m = /^(.*?):(\d+)$/.exec(where);
  if (!m) return null;
  return { kind: "stated", file: m[1]!, line: Number(m[2]), ...(section ? { section } : {}), ...(document ? { document } : {}) };
}

/** The rule a category-scoped copy's reach is inferred by (no column mapping stated: the columns of the same category). */
export const SAME_CATEGORY: Provenance = { kind: "inferred", rule: "same-category" };
export const DERIVED: Provenance = { kind: "derived" };
/** An engagement whose inventory names no field it receives: the gap, as its provenance says it. */
export const FIELDS_NOT_STATED: Provenance = { kind: "not-stated", field: "receives" };

/** A stored node's or relationship's properties → where it comes from. */
export function provenanceOf(props: Readonly<Record<string, unknown>> | null | undefined): Provenance[] {
  if (!props) return [];
  const out: Provenance[] = [];
  if (props.mapping === "category") out.push(SAME_CATEGORY);
  if (props.suggested === true) out.push({ kind: "suggested", rule: "name-or-type" });
  if (typeof props.observedJob === "string") {
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    out.push({ kind: "observed", job: props.observedJob, run: text(props.observedRunId), eventTime: text(props.observedEventTime) });
  }
  if (Array.isArray(props.at)) for (const a of props.at) if (typeof a === "string") out.push(...[statedAt(a)].filter((p): p is Provenance => p !== null));
  return out;
}

/**
 * Only where a fact is stated or observed (its `at`, its OpenLineage run), without what qualifies it (a suggested
 * category, a category-scoped mapping): for a step whose qualification the caller states itself.
 */
export function citedOf(props: Readonly<Record<string, unknown>> | null | undefined): Provenance[] {
  return props ? provenanceOf({ at: props.at, observedJob: props.observedJob, observedRunId: props.observedRunId, observedEventTime: props.observedEventTime }) : [];
}

const keyOf = (p: Provenance) => JSON.stringify(p);

/** Several lists as one, each provenance once, in order. */
export function mergeProvenance(...lists: readonly (readonly Provenance[] | undefined)[]): Provenance[] {
  const seen = new Map<string, Provenance>();
  for (const list of lists) for (const p of list ?? []) if (!seen.has(keyOf(p))) seen.set(keyOf(p), p);
  return [...seen.values()];
}
