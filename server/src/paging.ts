/**
 * Paging, for the services that answer lists: a page is a seek in the query (`key > $after`), never an offset.
 * Where the next page starts is the last item's sort key, opaque to clients (base64url of a JSON list of strings);
 * the HTTP layer reads it back with `decodeCursor` (`pageParams` in `http/params.ts`).
 */

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key a cursor carries, or null when it is not one `encodeCursor` wrote. */
export function decodeCursor(cursor: string): string[] | null {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length > 0 && key.every((k) => typeof k === "string")) return key;
  } catch {
    // not a cursor: falls through
  }
  return null;
}

/** A page of a list: the rows after the cursor (the query asked for one more than `limit`, to know if there is a next). */
export function pageOf<T>(rows: T[], limit: number, total: number, keyOf: (row: T) => string[]): { items: T[]; page: { limit: number; total: number; next: string | null } } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, page: { limit, total, next: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null } };
}
