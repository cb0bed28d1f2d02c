import { assembleTrace } from "./trace.assemble.js";
import type { TraceRepository } from "./trace.repository.js";
import type { TraceQuery } from "./trace.schema.js";
import type { TraceFilters, TraceResponse, TransferStatus } from "../contract/api.js";
import { NotFoundError } from "../errors.js";

export class TraceService {
  constructor(private readonly repo: TraceRepository) {}

  async trace(query: TraceQuery): Promise<TraceResponse> {
    const row = await this.repo.downstream(query.from.id);
    if (!row) throw new NotFoundError(`No node with id '${query.from.id}'.`, { id: query.from.id });
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
