import { assembleTrace } from "./trace.assemble.js";
import type { TraceRepository } from "./trace.repository.js";
import type { TraceResponse } from "../contract/api.js";
import { NotFoundError } from "../http/errors.js";
import type { ParsedNodeId } from "../http/params.js";

export class TraceService {
  constructor(private readonly repo: TraceRepository) {}

  async trace(from: ParsedNodeId): Promise<TraceResponse> {
    const row = await this.repo.downstream(from.id);
    if (!row) throw new NotFoundError(`No node with id '${from.id}'.`, { id: from.id });
    return assembleTrace(row);
  }
}
