/** Typed fetchers, one per API endpoint (shapes from the shared contract). */
import type {
  CountriesResponse,
  HealthResponse,
  NeighborhoodResponse,
  NodeResponse,
  OverviewResponse,
  PathsResponse,
  ReferencedByResponse,
  SearchResponse,
  TableResponse,
  TablesResponse,
  TraceFilters,
  TraceFieldsResponse,
  TraceResponse,
  TraceVendorsResponse,
  TransfersResponse,
  VendorResponse,
  VendorsResponse,
  WhereColumnsResponse,
  WhereReferencingResponse,
  WhereResponse,
  WhereTablesResponse,
} from "@contract/api";
import type { NodeKind } from "@contract/ids";

import { apiUrl, getJson } from "./http";
import { readTrace } from "./tracePages";
import { readWhere } from "./wherePages";

const enc = encodeURIComponent;

/** How the overview draws vendors: `auto` lets the server group a large overview (by transfer status). */
export type OverviewGroup = "auto" | "none" | "transfer" | "country";
/** How a trace draws columns: `auto` lets the server collapse a large trace to tables → vendors. */
export type TraceColumns = "auto" | "columns" | "tables";
/** The data set an answer is scoped to (`systems=a,b`); empty: every loaded system. */
const scope = (systems: readonly string[] = []) => systems.join(",") || undefined;

export const api = {
  health: (signal?: AbortSignal) => getJson<HealthResponse>("/health", {}, signal),
  /** `group`: how vendors are drawn (auto groups a large overview); `expand`: groups drawn as their vendors. */
  overview: (signal?: AbortSignal, systems: readonly string[] = [], view: { group?: OverviewGroup; expand?: readonly string[] } = {}) =>
    getJson<OverviewResponse>("/overview", { systems: scope(systems), group: view.group === "auto" ? undefined : view.group, expand: view.expand?.join(",") || undefined }, signal),
  search: (q: string, opts: { kind?: NodeKind; limit?: number; systems?: readonly string[] } = {}, signal?: AbortSignal) =>
    getJson<SearchResponse>("/search", { q, kind: opts.kind, limit: opts.limit, systems: scope(opts.systems) }, signal),
  node: (id: string, signal?: AbortSignal) => getJson<NodeResponse>(`/nodes/${enc(id)}`, {}, signal),
  neighborhood: (id: string, depth: number, signal?: AbortSignal) =>
    getJson<NeighborhoodResponse>(`/nodes/${enc(id)}/neighborhood`, { depth }, signal),
  tables: (signal?: AbortSignal, page: { limit?: number; cursor?: string } = {}) => getJson<TablesResponse>("/tables", page, signal),
  table: (name: string, signal?: AbortSignal) => getJson<TableResponse>(`/tables/${enc(name)}`, {}, signal),
  referencedBy: (name: string, signal?: AbortSignal) => getJson<ReferencedByResponse>(`/tables/${enc(name)}/referenced-by`, {}, signal),
  /**
   * A trace, filtered on the server so that every count and list describes the same answer. Resolves with every vendor
   * and field; `show` receives the first page (the whole picture, facets and totals) when pages follow it, before
   * they are read with the same signal. `shown`: that first page, already on screen (a retry after a later page
   * failed): the pages after it are read again, it is not asked for a second time.
   */
  trace: (
    from: string,
    filters: Record<Exclude<keyof TraceFilters, "systems">, readonly string[]>,
    signal?: AbortSignal,
    systems: readonly string[] = [],
    view: { detail?: TraceColumns; expand?: readonly string[] } = {},
    show?: (first: TraceResponse) => void,
    shown?: TraceResponse,
  ) => {
    const query = {
      from,
      category: filters.categories.join(",") || undefined,
      vendor: filters.vendors.join(",") || undefined,
      country: filters.countries.join(",") || undefined,
      transfer: filters.transfers.join(",") || undefined,
      systems: scope(systems),
    };
    return readTrace(
      shown ? () => Promise.resolve(shown) : () => getJson<TraceResponse>("/trace", { ...query, detail: view.detail === "auto" ? undefined : view.detail, expand: view.expand?.join(",") || undefined }, signal),
      (cursor) => getJson<TraceVendorsResponse>("/trace/vendors", { ...query, cursor, limit: 500, fields: 1000 }, signal),
      (vendor, cursor) => getJson<TraceFieldsResponse>("/trace/fields", { ...query, of: vendor, cursor, limit: 1000 }, signal),
      shown ? undefined : show,
    );
  },
  transfers: (signal?: AbortSignal) => getJson<TransfersResponse>("/transfers", {}, signal),
  countries: (signal?: AbortSignal) => getJson<CountriesResponse>("/countries", {}, signal),
  /** A page of the vendors (the first without `cursor`; `page.next` names the one after). */
  vendors: (signal?: AbortSignal, systems: readonly string[] = [], cursor?: string) => getJson<VendorsResponse>("/vendors", { systems: scope(systems), cursor }, signal),
  vendor: (id: string, signal?: AbortSignal) => getJson<VendorResponse>(`/vendors/${enc(id)}`, {}, signal),
  paths: (from: string, to: string, signal?: AbortSignal) => getJson<PathsResponse>("/paths", { from, to }, signal),
  /**
   * Where a data category (or a subject's data) lives: what an access or erasure request must touch. Resolves with every column, table and referencing table; `show`
   * receives the first answer (the first page of each list, their counts, every source and vendor flow) when pages
   * follow it, before they are read with the same signal. `shown`: as for `trace`.
   */
  where: (q: { category?: string; subject?: string; system?: string }, signal?: AbortSignal, show?: (first: WhereResponse) => void, shown?: WhereResponse) => {
    const after = { ...q, limit: 2000 };
    return readWhere(
      shown ? () => Promise.resolve(shown) : () => getJson<WhereResponse>("/where", q, signal),
      {
        columns: (cursor) => getJson<WhereColumnsResponse>("/where/columns", { ...after, cursor }, signal),
        tables: (cursor) => getJson<WhereTablesResponse>("/where/tables", { ...after, cursor }, signal),
        referencing: (cursor) => getJson<WhereReferencingResponse>("/where/referencing", { ...after, cursor }, signal),
      },
      shown ? undefined : show,
    );
  },
};

/** Report files the server makes (links, not fetches: the browser opens or downloads them). */
export const reportUrls = {
  /** The DPIA evidence pack for a trace, with the trace's filters. */
  dpia: (from: string, filters: Record<keyof TraceFilters, readonly string[]>, format: "pdf" | "html") =>
    apiUrl("/reports/dpia", {
      from,
      category: filters.categories.join(",") || undefined,
      vendor: filters.vendors.join(",") || undefined,
      country: filters.countries.join(",") || undefined,
      transfer: filters.transfers.join(",") || undefined,
      systems: filters.systems.join(",") || undefined,
      format,
    }),
  /** Records of processing (Art. 30) for one system, or every system. */
  ropa: (system: string | null, format: "csv" | "xlsx" | "md") => apiUrl("/reports/ropa", { system: system ?? undefined, format }),
};
