/**
 * A trace answers the first page of its vendors (and of each vendor's fields) with the whole picture, its facets and
 * its totals; the lists, summaries and exports the app makes from it must hold every vendor and field. `readTrace`
 * hands the first page on as soon as it arrives (the picture is drawn from it), then reads the pages that follow
 * (`next`, `fieldsNext`) and resolves with the answer holding every vendor and field, so nothing the inventory states
 * is left out of a list or a CSV. An error reading a later page rejects it: the caller shows it.
 */
import type { TraceFieldsResponse, TraceResponse, TraceVendorsResponse } from "@contract/api";

import { readPagesAfter } from "./pages";

/** Whether a trace answer lists every vendor and every field of each (no page left to read). */
export function isCompleteTrace(t: TraceResponse): boolean {
  return !t.next && t.vendors.every((v) => !v.fieldsNext);
}

/**
 * `first` asks for the first page; `show` receives it when pages follow it, before they are read. The fields of the
 * vendors of each page are asked for as soon as that page arrives, beside the next page of vendors.
 */
export async function readTrace(
  first: () => Promise<TraceResponse>,
  vendorsAfter: (cursor: string) => Promise<TraceVendorsResponse>,
  fieldsAfter: (vendor: string, cursor: string) => Promise<TraceFieldsResponse>,
  show: (first: TraceResponse) => void = () => {},
): Promise<TraceResponse> {
  const page = await first();
  if (isCompleteTrace(page)) return page;
  show(page);
  const complete = (v: TraceVendorsResponse["vendors"][number]) => {
    const fields = [...v.fields];
    const read = readPagesAfter(v.fieldsNext, (cursor) => fieldsAfter(v.id, cursor), (more) => fields.push(...more.fields)).then(() => ({ ...v, fields, fieldsNext: null }));
    // Awaited below, after the vendors' pages: a failure meanwhile is not an unhandled rejection.
    read.catch(() => {});
    return read;
  };
  const vendors = page.vendors.map(complete);
  await readPagesAfter(page.next, vendorsAfter, (more) => vendors.push(...more.vendors.map(complete)));
  return { ...page, vendors: await Promise.all(vendors), next: null };
}
