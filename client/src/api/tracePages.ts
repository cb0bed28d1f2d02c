/**
 * A trace answers the first page of its vendors (and of each vendor's fields); the lists, summaries and exports the
 * app makes from it must hold every one. This reads the pages that follow (`next`, `fieldsNext`) and returns the
 * answer with every vendor and field, so nothing the inventory states is left out of a list or a CSV.
 */
import type { TraceFieldsResponse, TraceResponse, TraceVendorsResponse } from "@contract/api";

export async function readEveryTracePage(
  first: TraceResponse,
  vendorsAfter: (cursor: string) => Promise<TraceVendorsResponse>,
  fieldsAfter: (vendor: string, cursor: string) => Promise<TraceFieldsResponse>,
): Promise<TraceResponse> {
  const vendors = [...first.vendors];
  for (let next = first.next ?? null; next; ) {
    const page = await vendorsAfter(next);
    vendors.push(...page.vendors);
    next = page.next;
  }
  const complete = await Promise.all(
    vendors.map(async (v) => {
      const fields = [...v.fields];
      for (let next = v.fieldsNext ?? null; next; ) {
        const page = await fieldsAfter(v.id, next);
        fields.push(...page.fields);
        next = page.next;
      }
      return { ...v, fields, fieldsNext: null };
    }),
  );
  return { ...first, vendors: complete, next: null };
}
