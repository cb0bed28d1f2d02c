/**
 * View state lives in the URL so every view is a link and survives a reload: the selected node, the
 * neighbourhood depth, expansions and the filters. Pure parse/serialise over URLSearchParams.
 */
import type { NodeKind } from "@contract/ids";

import type { Filters } from "../graph/filters";
import { KIND_LOOK } from "../graph/kinds";

// Type-only imports from @contract keep this module runnable by the root vitest, which has no @contract alias.
const isNodeKind = (s: string): s is NodeKind => Object.hasOwn(KIND_LOOK, s);

const list = (p: URLSearchParams, key: string) => (p.get(key) ?? "").split(",").map((s) => s.trim()).filter(Boolean);

export function readFilters(p: URLSearchParams): Filters {
  return {
    systems: list(p, "sys"),
    hiddenKinds: list(p, "hide").filter(isNodeKind),
    categories: list(p, "cat"),
    vendors: list(p, "vendor"),
    countries: list(p, "country"),
    transfers: list(p, "transfer"),
    hideSystemColumns: p.get("nosys") === "1",
  };
}

/** Returns new params with the filters written (empty ones removed), other keys untouched. */
export function writeFilters(p: URLSearchParams, f: Filters): URLSearchParams {
  const next = new URLSearchParams(p);
  const set = (key: string, values: string[]) => (values.length ? next.set(key, values.join(",")) : next.delete(key));
  set("sys", f.systems);
  set("hide", f.hiddenKinds);
  set("cat", f.categories);
  set("vendor", f.vendors);
  set("country", f.countries);
  set("transfer", f.transfers);
  if (f.hideSystemColumns) next.set("nosys", "1");
  else next.delete("nosys");
  return next;
}

export const DEPTHS = [1, 2, 3] as const;

export function readDepth(p: URLSearchParams): number {
  const d = Number(p.get("depth"));
  return (DEPTHS as readonly number[]).includes(d) ? d : 1;
}

export function readList(p: URLSearchParams, key: string): string[] {
  return list(p, key);
}

export function withParam(p: URLSearchParams, key: string, value: string | string[] | null): URLSearchParams {
  const next = new URLSearchParams(p);
  const v = Array.isArray(value) ? value.join(",") : value;
  if (v === null || v === "") next.delete(key);
  else next.set(key, v);
  return next;
}
