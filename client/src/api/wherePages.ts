/**
 * A where answer gives the first page of its columns, tables and referencing tables with the count of each (and every
 * source and vendor flow); the checklist, its CSV and its printed page must hold every item. `readWhere` hands the
 * first answer on as soon as it arrives (the checklist is shown from it), then reads the pages that follow each list
 * (`next`, `tablesNext`, `referencingNext`) and resolves with the answer holding every item, in order. An error reading
 * a later page rejects it: the caller shows it.
 */
import type { WhereColumnsResponse, WhereReferencingResponse, WhereResponse, WhereTablesResponse } from "@contract/api";

import { readPagesAfter } from "./pages";

/** Whether a where answer lists every column, table and referencing table (no page left to read). */
export function isCompleteWhere(w: WhereResponse): boolean {
  return !w.next && !w.tablesNext && !w.referencingNext;
}

/** `first` asks for the first answer; `show` receives it when pages follow it, before they are read (the three lists side by side). */
export async function readWhere(
  first: () => Promise<WhereResponse>,
  after: {
    columns: (cursor: string) => Promise<WhereColumnsResponse>;
    tables: (cursor: string) => Promise<WhereTablesResponse>;
    referencing: (cursor: string) => Promise<WhereReferencingResponse>;
  },
  show: (first: WhereResponse) => void = () => {},
): Promise<WhereResponse> {
  const page = await first();
  if (isCompleteWhere(page)) return page;
  show(page);
  const columns = [...page.columns];
  const tables = [...page.tables];
  const referencing = [...page.referencing];
  await Promise.all([
    readPagesAfter(page.next, after.columns, (p) => columns.push(...p.columns)),
    readPagesAfter(page.tablesNext, after.tables, (p) => tables.push(...p.tables)),
    readPagesAfter(page.referencingNext, after.referencing, (p) => referencing.push(...p.referencing)),
  ]);
  return { ...page, columns, tables, referencing, next: null, tablesNext: null, referencingNext: null };
}
