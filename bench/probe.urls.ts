/**
 * What the issue-21 probe asks, in one place: the subjects (picked from the inventory files themselves, so every
 * version of the app is asked the same questions whatever its answers look like) and the URL of each answer's first
 * page. When an endpoint's paging changes (a first-page size, a cursor), adjust its URL here and nowhere else.
 */
import { readFile } from "node:fs/promises";

import { parse } from "yaml";

/** Which target of issue 21 an answer is held to (bench/targets.report.ts has the numbers). */
export type TargetGroup = "lookup" | "trace-small" | "trace-large" | "overview" | "where";

export interface ProbeRow {
  /** Stable key in the JSON (for comparing runs). */
  key: string;
  /** The row's words in the table. */
  label: string;
  group: TargetGroup;
  /** Cycled over by the sequential requests. */
  urls: string[];
}

export interface Subjects {
  /** Every system id, the biggest first. */
  systems: string[];
  /** The system with the most tables. */
  system: string;
  /** Its table with the most references pointing at it (the one whose referenced-by list is longest). */
  table: { system: string; name: string };
  /** Its source that feeds the most tables. */
  source: string;
  /** The vendor the most systems engage. */
  vendor: string;
  category: string;
  search: string[];
}

interface LooseInventory {
  system?: { id?: string };
  entities?: { name?: string; columns?: { references?: unknown }[] }[];
  sources?: { id?: string; feeds?: unknown[] }[];
  references?: { to?: unknown }[];
  vendors?: { vendor?: { id?: string } }[];
}

/** Picks the subjects from inventory files (YAML) as a user would find them: the biggest system, its hub table. */
export async function pickSubjects(files: readonly string[]): Promise<Subjects> {
  const inventories = await Promise.all(files.map(async (f) => parse(await readFile(f, "utf8")) as LooseInventory));
  const bySize = [...inventories].sort((a, b) => (b.entities?.length ?? 0) - (a.entities?.length ?? 0));
  const biggest = bySize[0];
  const system = biggest?.system?.id;
  if (!biggest || !system) throw new Error("no inventory with a system and tables among the files");
  const pointedAt = new Map<string, number>();
  const bump = (to: unknown) => {
    if (typeof to === "string") pointedAt.set(to, (pointedAt.get(to) ?? 0) + 1);
  };
  for (const e of biggest.entities ?? []) for (const c of e.columns ?? []) bump(c.references);
  for (const r of biggest.references ?? []) bump(r.to);
  const tables = (biggest.entities ?? []).map((e) => e.name).filter((n): n is string => typeof n === "string");
  const table = [...tables].sort((a, b) => (pointedAt.get(b) ?? 0) - (pointedAt.get(a) ?? 0))[0]!;
  const source = [...(biggest.sources ?? [])].sort((a, b) => (b.feeds?.length ?? 0) - (a.feeds?.length ?? 0))[0]?.id;
  if (!source) throw new Error(`system ${system} states no source`);
  const engaged = new Map<string, number>();
  for (const inv of inventories) for (const id of new Set((inv.vendors ?? []).map((v) => v.vendor?.id))) if (id) engaged.set(id, (engaged.get(id) ?? 0) + 1);
  const vendor = [...engaged].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!vendor) throw new Error("no vendor among the files");
  return {
    systems: bySize.map((i) => i.system?.id).filter((id): id is string => typeof id === "string"),
    system,
    table: { system, name: table },
    source: `source:${system}/${source}`,
    vendor: `vendor:${vendor}`,
    category: "category:email-address",
    // A word, the start of the hub table's name (as a user types it), and a vendor's name.
    search: ["email", table.toLowerCase().slice(0, 6), vendor.slice(0, 5)],
  };
}

const enc = encodeURIComponent;

/**
 * Every answer of the issue's table, as the URL of its first page. Traces and `where` answer their first page with
 * totals; a version without paging answers everything (that is the "before" being measured).
 */
export function probeRows(s: Subjects): ProbeRow[] {
  const tableRef = enc(`${s.table.system}/${s.table.name}`);
  const tableId = `table:${s.table.system}/${s.table.name}`;
  return [
    { key: "search", label: "search", group: "lookup", urls: s.search.map((q) => `/api/search?q=${enc(q)}`) },
    { key: "table", label: "table", group: "lookup", urls: [`/api/tables/${tableRef}`] },
    { key: "referenced-by", label: "referenced-by", group: "lookup", urls: [`/api/tables/${tableRef}/referenced-by`] },
    { key: "vendors", label: "vendors page", group: "lookup", urls: ["/api/vendors"] },
    { key: "trace-table", label: "trace from a table", group: "trace-small", urls: [`/api/trace?from=${enc(tableId)}`] },
    { key: "trace-source", label: "trace from a source", group: "trace-small", urls: [`/api/trace?from=${enc(s.source)}`] },
    { key: "trace-system", label: "trace from a system (first page, with totals)", group: "trace-large", urls: [`/api/trace?from=${enc(`system:${s.system}`)}`] },
    { key: "trace-category", label: "trace from a category (first page, with totals)", group: "trace-large", urls: [`/api/trace?from=${enc(s.category)}`] },
    ...(["auto", "none", "transfer", "country"] as const).map((g) => ({ key: `overview-${g}`, label: `overview (group=${g})`, group: "overview" as const, urls: [`/api/overview?group=${g}`] })),
    { key: "where", label: "where (first page, with totals)", group: "where", urls: [`/api/where?category=${enc(s.category)}`] },
  ];
}

/** The trace the browser row draws at about 1,000 elements is picked among these starts (by the answer's size). */
export function browserTraceCandidates(s: Subjects, systems: readonly string[]): string[] {
  return [
    ...systems.map((id) => `system:${id}`),
    ...["email-address", "name", "phone-number", "postal-address", "ip-address", "password", "photo", "gender"].map((c) => `category:${c}`),
    `table:${s.table.system}/${s.table.name}`,
    s.source,
  ];
}
