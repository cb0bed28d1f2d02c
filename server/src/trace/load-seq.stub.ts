/**
 * STUB, to be replaced at merge by the shared load-sequence reader of issue 21 point 2 (wt-21p defines
 * `(:LoadState {id: 'graph'}).seq`, +1 at the end of every load). Cursors of the trace and where lists carry the
 * sequence they were made at, so a page asked after another load is refused (409) instead of mixing two graphs.
 */
import type { Graph } from "../db/graph.js";
import { ConflictError } from "../errors.js";

export async function readLoadSeqStub(graph: Graph): Promise<number> {
  const [row] = await graph.read("trace/load-seq", {});
  return Number(row?.seq ?? 0);
}

/** A cursor's key with the load sequence in front; the key is the list's sort key of the last item listed. */
export const withSeq = (seq: number, key: readonly string[]): string[] => [String(seq), ...key];

/** The key a cursor carries, after checking it was made at this load (a 409 naming the reload otherwise). */
export function keyAt(seq: number, cursor: readonly string[], length: number): string[] {
  const [made, ...key] = cursor;
  if (made !== String(seq)) throw new ConflictError("The data was reloaded since this page's list was made; ask for the first page again.", { cursor: "stale" });
  if (key.length !== length) throw new ConflictError("This cursor is not one of this list's; ask for the first page again.", { cursor: "foreign" });
  return key;
}
