/**
 * Pure: the graph facts an assessment covers → one fingerprint. Keys and lists are put in a fixed order first, so the
 * same facts always give the same hash whatever order the database returns them in.
 */
import { createHash } from "node:crypto";

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).map((v) => JSON.stringify(v)).sort().map((s) => JSON.parse(s) as unknown);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  return value;
}

export function fingerprintOf(facts: unknown): string {
  return `sha256:${createHash("sha256").update(JSON.stringify(canonical(facts))).digest("hex")}`;
}
