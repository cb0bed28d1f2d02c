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
  TraceFilters,
  TraceResponse,
  TransfersResponse,
  VendorResponse,
  VendorsResponse,
  WhereResponse,
} from "@contract/api";
import type { NodeKind } from "@contract/ids";

import { apiUrl, getJson } from "./http";

const enc = encodeURIComponent;

export const api = {
  health: (signal?: AbortSignal) => getJson<HealthResponse>("/health", {}, signal),
  overview: (signal?: AbortSignal) => getJson<OverviewResponse>("/overview", {}, signal),
  search: (q: string, opts: { kind?: NodeKind; limit?: number } = {}, signal?: AbortSignal) =>
    getJson<SearchResponse>("/search", { q, kind: opts.kind, limit: opts.limit }, signal),
  node: (id: string, signal?: AbortSignal) => getJson<NodeResponse>(`/nodes/${enc(id)}`, {}, signal),
  neighborhood: (id: string, depth: number, signal?: AbortSignal) =>
    getJson<NeighborhoodResponse>(`/nodes/${enc(id)}/neighborhood`, { depth }, signal),
  table: (name: string, signal?: AbortSignal) => getJson<TableResponse>(`/tables/${enc(name)}`, {}, signal),
  referencedBy: (name: string, signal?: AbortSignal) => getJson<ReferencedByResponse>(`/tables/${enc(name)}/referenced-by`, {}, signal),
  /** A trace, filtered on the server so that every count and list describes the same answer. */
  trace: (from: string, filters: Record<keyof TraceFilters, readonly string[]>, signal?: AbortSignal) =>
    getJson<TraceResponse>(
      "/trace",
      { from, category: filters.categories.join(",") || undefined, vendor: filters.vendors.join(",") || undefined, country: filters.countries.join(",") || undefined, transfer: filters.transfers.join(",") || undefined },
      signal,
    ),
  transfers: (signal?: AbortSignal) => getJson<TransfersResponse>("/transfers", {}, signal),
  countries: (signal?: AbortSignal) => getJson<CountriesResponse>("/countries", {}, signal),
  vendors: (signal?: AbortSignal) => getJson<VendorsResponse>("/vendors", {}, signal),
  vendor: (id: string, signal?: AbortSignal) => getJson<VendorResponse>(`/vendors/${enc(id)}`, {}, signal),
  paths: (from: string, to: string, signal?: AbortSignal) => getJson<PathsResponse>("/paths", { from, to }, signal),
  /** Where a data category (or a subject's data) lives: what an access or erasure request must touch. */
  where: (q: { category?: string; subject?: string; system?: string }, signal?: AbortSignal) => getJson<WhereResponse>("/where", q, signal),
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
      format,
    }),
  /** Records of processing (Art. 30) for one system, or every system. */
  ropa: (system: string | null, format: "csv" | "xlsx" | "md") => apiUrl("/reports/ropa", { system: system ?? undefined, format }),
};
