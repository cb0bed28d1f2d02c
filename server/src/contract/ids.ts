/**
 * Node ids are `kind:key`, built here and only here; server and client share this module.
 * Keys: every system-owned kind is scoped by its system, so two systems may both have a `users` table:
 * table → `system/Table` (`table:kentico/CMS_User`), column → `system/Table.Column`, others → `system/slug`;
 * shared kinds (category, vendor, location) → their global id.
 */
export const NODE_KINDS = ["system", "subject", "table", "column", "category", "source", "purpose", "vendor", "location", "activity"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** The Neo4j label of each kind: the fixed list every query takes labels from. */
export const KIND_LABEL: Record<NodeKind, string> = {
  system: "System",
  subject: "Subject",
  table: "Table",
  column: "Column",
  category: "Category",
  source: "Source",
  purpose: "Purpose",
  vendor: "Vendor",
  location: "Location",
  activity: "Activity",
};

export function nodeId(kind: NodeKind, key: string): string {
  return `${kind}:${key}`;
}

export function isNodeKind(s: string): s is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(s);
}

/** A node id checked at the boundary: the id as given, and its kind and key. */
export interface ParsedNodeId {
  id: string;
  kind: NodeKind;
  key: string;
}

export function parseNodeId(id: string): { kind: NodeKind; key: string } | null {
  const colon = id.indexOf(":");
  if (colon <= 0) return null;
  const kind = id.slice(0, colon);
  const key = id.slice(colon + 1);
  return isNodeKind(kind) && key.length > 0 ? { kind, key } : null;
}

export const ids = {
  system: (system: string) => nodeId("system", system),
  subject: (system: string, subject: string) => nodeId("subject", `${system}/${subject}`),
  table: (system: string, table: string) => nodeId("table", `${system}/${table}`),
  column: (system: string, table: string, column: string) => nodeId("column", `${system}/${table}.${column}`),
  category: (category: string) => nodeId("category", category),
  source: (system: string, source: string) => nodeId("source", `${system}/${source}`),
  purpose: (system: string, purpose: string) => nodeId("purpose", `${system}/${purpose}`),
  vendor: (vendor: string) => nodeId("vendor", vendor),
  location: (code: string) => nodeId("location", code),
  activity: (system: string, activity: string) => nodeId("activity", `${system}/${activity}`),
};

/** A table key `system/Table` (or a bare `Table`, as URLs may name it) → its parts. */
export function parseTableKey(key: string): { system: string | null; table: string } {
  const slash = key.indexOf("/");
  return slash < 0 ? { system: null, table: key } : { system: key.slice(0, slash), table: key.slice(slash + 1) };
}

/** A column key `system/Table.Column` → its parts (a column name may contain spaces, never a dot). */
export function parseColumnKey(key: string): { system: string; table: string; column: string } | null {
  const slash = key.indexOf("/");
  const dot = key.indexOf(".", slash + 1);
  if (slash <= 0 || dot < 0) return null;
  return { system: key.slice(0, slash), table: key.slice(slash + 1, dot), column: key.slice(dot + 1) };
}

/**
 * A category drawn once per vendor in a trace's "via categories" picture (`category:email-address@vendor:gravatar`):
 * one node per category and vendor, so two flows of one category to different vendors are never merged into one.
 */
export function categoryToVendorId(categoryId: string, vendorId: string): string {
  return `${categoryId}@${vendorId}`;
}

/** The category a `categoryToVendorId` node stands for, or the id itself for any other node. */
export function underlyingId(id: string): string {
  const at = id.indexOf("@");
  return id.startsWith("category:") && at > 0 ? id.slice(0, at) : id;
}

/** What an aggregate node of a large picture groups by: vendors by their flows' transfer status, or by country. */
export const GROUPINGS = ["transfer", "country"] as const;
export type Grouping = (typeof GROUPINGS)[number];

/**
 * An aggregate node's id (`group:vendor/transfer/third-country`, `group:vendor/country/US`): not a database node, so
 * outside `kind:key`; the overview's `expand=` names it to draw its members instead.
 */
export function groupId(kind: NodeKind, by: Grouping, value: string): string {
  return `group:${kind}/${by}/${value}`;
}
