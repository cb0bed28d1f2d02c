/**
 * Node ids are `kind:key`, built here and only here; server and client share this module.
 * Keys: table → table name (`table:CMS_User`), column → `Table.Column`, system-scoped kinds → `system/slug`,
 * shared kinds (category, vendor, location) → their global id.
 */
export const NODE_KINDS = ["system", "subject", "table", "column", "category", "source", "purpose", "vendor", "location"] as const;
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
};

export function nodeId(kind: NodeKind, key: string): string {
  return `${kind}:${key}`;
}

export function isNodeKind(s: string): s is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(s);
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
  table: (table: string) => nodeId("table", table),
  column: (table: string, column: string) => nodeId("column", `${table}.${column}`),
  category: (category: string) => nodeId("category", category),
  source: (system: string, source: string) => nodeId("source", `${system}/${source}`),
  purpose: (system: string, purpose: string) => nodeId("purpose", `${system}/${purpose}`),
  vendor: (vendor: string) => nodeId("vendor", vendor),
  location: (code: string) => nodeId("location", code),
};
