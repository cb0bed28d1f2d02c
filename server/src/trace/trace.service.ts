import { assembleTrace } from "./trace.assemble.js";
import type { TraceRepository } from "./trace.repository.js";
import type { TraceQuery } from "./trace.schema.js";
import type { TraceFilters, TraceResponse, TransferStatus } from "../contract/api.js";
import type { NodeResolver } from "../nodes/node.resolve.js";

export class TraceService {
  constructor(
    private readonly repo: TraceRepository,
    private readonly resolver: NodeResolver,
  ) {}

  async trace(query: TraceQuery): Promise<TraceResponse> {
    const row = await this.resolver.load(query.from, (id) => this.repo.downstream(id));
    return assembleTrace(row, traceFilters(query), { detail: query.detail, expand: query.expand ?? [] });
  }
}

/** A trace request's filters and data-set scope, as the answer (and every report made from it) applies them. */
export function traceFilters(query: Omit<TraceQuery, "from" | "detail" | "expand">): TraceFilters {
  return {
    categories: query.category ?? [],
    vendors: query.vendor ?? [],
    countries: query.country ?? [],
    transfers: (query.transfer ?? []) as TransferStatus[],
    systems: query.systems ?? [],
  };
}
