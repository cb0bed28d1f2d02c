/** Typed fetchers, one per API endpoint (shapes from the shared contract). */
import type {
  HealthResponse,
  NeighborhoodResponse,
  NodeResponse,
  OverviewResponse,
  PathsResponse,
  ReferencedByResponse,
  SearchResponse,
  TableResponse,
  TraceResponse,
  VendorResponse,
  VendorsResponse,
} from "@contract/api";
import type { NodeKind } from "@contract/ids";

import { getJson } from "./http";

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
  trace: (from: string, signal?: AbortSignal) => getJson<TraceResponse>("/trace", { from }, signal),
  vendors: (signal?: AbortSignal) => getJson<VendorsResponse>("/vendors", {}, signal),
  vendor: (id: string, signal?: AbortSignal) => getJson<VendorResponse>(`/vendors/${enc(id)}`, {}, signal),
  paths: (from: string, to: string, signal?: AbortSignal) => getJson<PathsResponse>("/paths", { from, to }, signal),
};
