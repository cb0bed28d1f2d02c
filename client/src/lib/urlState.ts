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

/** The data set in view: `systems=kentico,ambassify` (absent = every loaded system). Kept across in-app links. */
export const SYSTEMS_PARAM = "systems";

const SYSTEM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function readSystems(p: URLSearchParams): string[] {
  return [...new Set(list(p, SYSTEMS_PARAM).filter((s) => SYSTEM_ID.test(s)))];
}

/** New params with the data set written; none, or every system there is, means "all" and removes the param. */
export function withSystems(p: URLSearchParams, systems: readonly string[], all: readonly string[] = []): URLSearchParams {
  const chosen = [...new Set(systems)].sort();
  const everything = all.length > 0 && all.every((s) => chosen.includes(s));
  return withParam(p, SYSTEMS_PARAM, everything ? null : chosen);
}

/**
 * An in-app link (`/trace?from=…`) that keeps the data set of the page it is built on (`search`, the current
 * `location.search`), unless the link names its own.
 */
export function keepSystems(to: string, search: string): string {
  const systems = readSystems(new URLSearchParams(search));
  if (systems.length === 0) return to;
  const [beforeHash, hash] = to.split("#", 2) as [string, string | undefined];
  const [pathname, query = ""] = beforeHash.split("?", 2) as [string, string | undefined];
  const params = new URLSearchParams(query);
  if (params.has(SYSTEMS_PARAM)) return to;
  params.set(SYSTEMS_PARAM, systems.join(","));
  return `${pathname}?${params.toString()}${hash !== undefined ? `#${hash}` : ""}`;
}

/** `keepSystems` for the page on screen (links are built while it renders, or when a key is pressed on it). */
export function scopedLink(to: string): string {
  return typeof window === "undefined" ? to : keepSystems(to, window.location.search);
}

const GROUPS = ["auto", "none", "transfer", "country"] as const;
const TRACE_COLUMNS = ["auto", "columns", "tables"] as const;

/** The overview's `group=` (how vendors are drawn); anything else is `auto`, the server's choice by size. */
export function readGroup(p: URLSearchParams): (typeof GROUPS)[number] {
  const g = p.get("group");
  return GROUPS.find((x) => x === g) ?? "auto";
}

/** The trace's `detail=` (every column, or tables → vendors); anything else is `auto`, the server's choice by size. */
export function readTraceColumns(p: URLSearchParams): (typeof TRACE_COLUMNS)[number] {
  const d = p.get("detail");
  return TRACE_COLUMNS.find((x) => x === d) ?? "auto";
}

/** New params with `id` added to the comma-separated list `key` (once), e.g. a group or table to expand. */
export function withListItem(p: URLSearchParams, key: string, id: string): URLSearchParams {
  const items = list(p, key);
  return items.includes(id) ? new URLSearchParams(p) : withParam(p, key, [...items, id]);
}
