import { infixLuceneQuery, luceneQuery, searchTerms } from "./search.query.js";
import type { SearchRepository } from "./search.repository.js";
import type { SearchQuery } from "./search.schema.js";
import type { SearchResponse } from "../contract/api.js";
import { idOf, kindOf } from "../elements/elements.js";
import type { NodeProps } from "../node.row.js";

/** A short hint shown under a result: a column's table, a table's heading, a vendor's services, a country code. */
function detailOf(n: NodeProps): string | null {
  switch (n.kind) {
    case "column":
      return n.table ?? null;
    case "table":
      return n.title ?? null;
    case "vendor":
      return Array.isArray(n.services) && n.services.length > 0 ? n.services.join(", ") : null;
    case "location":
      return typeof n.code === "string" ? n.code : null;
    default:
      return typeof n.description === "string" ? n.description : null;
  }
}

export class SearchService {
  constructor(private readonly repo: SearchRepository) {}

  async search(q: SearchQuery): Promise<SearchResponse> {
    const text = q.q.toLowerCase();
    const lucene = luceneQuery(q.q);
    // Nothing but punctuation: no word the index could hold.
    if (lucene === "") return { results: [] };
    const params = { lucene, text, first: searchTerms(q.q)[0] ?? text, kind: q.kind ?? null, systems: q.systems?.length ? q.systems : null, limit: q.limit };
    let nodes = await this.repo.search(params);
    // No word starts with the text: look inside words (`mail` in `Hotmail`), the slower way, only then.
    const infix = nodes.length === 0 ? infixLuceneQuery(q.q) : null;
    if (infix) nodes = await this.repo.search({ ...params, lucene: infix });
    return { results: nodes.map((n) => ({ id: idOf(n), kind: kindOf(n), label: n.name, system: n.system ?? null, detail: detailOf(n) })) };
  }
}
