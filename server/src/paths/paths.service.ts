import type { PathsRepository } from "./paths.repository.js";
import type { PathsQuery } from "./paths.schema.js";
import type { PathsResponse } from "../contract/api.js";
import { ElementsBuilder, idOf } from "../elements/elements.js";
import { NotFoundError } from "../errors.js";

/** At most this many equally short paths are returned. */
export const MAX_PATHS = 10;

export class PathsService {
  constructor(private readonly repo: PathsRepository) {}

  async paths(q: PathsQuery): Promise<PathsResponse> {
    const row = await this.repo.shortest(q.from.id, q.to.id, MAX_PATHS);
    if (!row) {
      const found = await this.repo.existing([q.from.id, q.to.id]);
      const missing = [q.from.id, q.to.id].filter((id) => !found.has(id));
      throw new NotFoundError(`No node with id ${missing.map((id) => `'${id}'`).join(" or ")}.`, { ids: missing });
    }
    const elements = new ElementsBuilder();
    const from = elements.node(row.from, { focus: true })!;
    const to = elements.node(row.to, { focus: true })!;
    const paths = row.paths.map((p) => {
      const ids = p.nodes.map((n) => elements.node(n) ?? idOf(n));
      for (const r of p.rels) elements.rel(r);
      if (p.first) elements.rel(p.first);
      if (p.last) elements.rel(p.last);
      const nodes = [...(p.first ? [from] : []), ...ids, ...(p.last ? [to] : [])];
      return { nodes, length: nodes.length - 1 };
    });
    return { from: q.from.id, to: q.to.id, paths, elements: elements.build() };
  }
}
