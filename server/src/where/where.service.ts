import { assembleWhere } from "./where.assemble.js";
import type { WhereRepository } from "./where.repository.js";
import type { WhereQuery } from "./where.schema.js";
import type { WhereResponse } from "../contract/api.js";
import { NotFoundError } from "../errors.js";

export class WhereService {
  constructor(private readonly repo: WhereRepository) {}

  async where(query: WhereQuery): Promise<WhereResponse> {
    const id = (query.category ?? query.subject)!.id;
    const node = await this.repo.asked(id);
    if (!node) throw new NotFoundError(`No data category or subject with id '${id}'.`, { id });
    const rows = await this.repo.columns({ category: query.category?.id ?? null, subject: query.subject?.id ?? null, system: query.system ?? null });
    return assembleWhere({ id, kind: query.category ? "category" : "subject", name: node.name, system: query.system ?? null }, rows);
  }
}
