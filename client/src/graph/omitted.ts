/**
 * The sentence a capped answer shows above its picture, so a graph is never silently partial: how many nodes are
 * drawn of how many, which kinds were left out (the server's `omitted`), and what the reader can do about it.
 */
import type { Omitted } from "@contract/api";
import type { NodeKind } from "@contract/ids";

import { KIND_LOOK } from "./kinds";

const isKind = (k: string): k is NodeKind => Object.hasOwn(KIND_LOOK, k);
const n = (x: number) => x.toLocaleString("en");

function kindCount(kind: string, count: number): string {
  const look = isKind(kind) ? KIND_LOOK[kind] : null;
  const word = look ? (count === 1 ? look.name : look.plural).toLowerCase() : `${kind} nodes`;
  return `${n(count)} ${word}`;
}

/**
 * "Showing 500 of 2,341 nodes: 1,841 columns left out — narrow with filters or expand tables." Null when nothing was
 * left out. Without `omitted` (an answer from a server that does not say), the cap is still named, in general words.
 */
export function omittedSentence(truncated: boolean | undefined, omitted: Omitted | undefined, hint: string): string | null {
  const left = omitted ? omitted.totalNodes - omitted.shownNodes : 0;
  if (!truncated && left <= 0) return null;
  if (!omitted || left <= 0) return `This answer was capped at the server's node limit: part of the graph is not drawn — ${hint}.`;
  const kinds = Object.entries(omitted.byKind)
    .filter(([, c]) => c > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, c]) => kindCount(k, c));
  const what = kinds.length === 0 ? `${n(left)} left out` : `${listed(kinds)} left out`;
  return `Showing ${n(omitted.shownNodes)} of ${n(omitted.totalNodes)} nodes: ${what} — ${hint}.`;
}

function listed(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]!}`;
}
