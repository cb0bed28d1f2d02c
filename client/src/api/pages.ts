/**
 * Following a paged list's cursors: the trace's vendors and each vendor's fields, the where checklist's columns,
 * tables and referencing tables. The app reads every page before it exports or prints, so nothing stated is left out
 * (a list shown from its first page meanwhile says it is incomplete).
 */

/** Reads the pages after `next` one after the other, each page's `next` naming the one after it, and hands each page to `take` as it arrives. */
export async function readPagesAfter<P extends { next: string | null }>(next: string | null | undefined, read: (cursor: string) => Promise<P>, take: (page: P) => void): Promise<void> {
  for (let cursor = next ?? null; cursor; ) {
    const page = await read(cursor);
    take(page);
    cursor = page.next;
  }
}
