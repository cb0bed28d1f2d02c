/**
 * Cursors of the trace and where lists carry the load sequence they were made at (`db/load-state.ts`), so a page
 * asked after another load is refused (409) instead of mixing two graphs.
 */
import { checkCursorSequence } from "../db/load-state.js";
import { ConflictError } from "../errors.js";

/** A cursor's key with the load sequence in front; the key is the list's sort key of the last item listed. */
export const withSeq = (seq: number, key: readonly string[]): string[] => [String(seq), ...key];

/** The key a cursor carries, after checking it was made at this load (a 409 otherwise). */
export function keyAt(seq: number, cursor: readonly string[], length: number): string[] {
  const [made, ...key] = cursor;
  checkCursorSequence(Number(made), seq);
  if (key.length !== length) throw new ConflictError("This cursor is not one of this list's; ask for the first page again.", { cursor: "foreign" });
  return key;
}
