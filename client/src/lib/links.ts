/** The links every view builds to another view. They keep the data set (`systems=…`) of the page they are built on. */
import { parseTableKey, type NodeKind } from "@contract/ids";

import { scopedLink } from "./urlState";

/** Kinds a trace can start from (the API's trace starts). */
export const TRACEABLE: readonly NodeKind[] = ["source", "table", "column", "category", "subject", "system"];

export function traceLink(id: string) {
  return scopedLink(`/trace?from=${encodeURIComponent(id)}`);
}
export function exploreLink(id: string) {
  return scopedLink(`/explore?focus=${encodeURIComponent(id)}`);
}
/** `/tables/kentico/CMS_User/referenced-by` for a table key `system/Table` (a bare name works while it is unique). */
export function referencedByLink(tableKey: string) {
  const { system, table } = parseTableKey(tableKey);
  return scopedLink(`/tables/${system ? `${encodeURIComponent(system)}/` : ""}${encodeURIComponent(table)}/referenced-by`);
}

/** The "where does this live" checklist of a data category or subject. */
export function whereLink(id: string, kind: "category" | "subject") {
  return `/where?${kind}=${encodeURIComponent(id)}`;
}
