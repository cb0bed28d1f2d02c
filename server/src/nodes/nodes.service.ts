import type { NodeResolver } from "./node.resolve.js";
import type { NodesRepository } from "./nodes.repository.js";
import type { NeighborhoodQuery } from "./nodes.schema.js";
import type { NeighborhoodResponse, NodeResponse } from "../contract/api.js";
import type { ParsedNodeId } from "../contract/ids.js";
import { ElementsBuilder, idOf, kindOf, MAX_NODES } from "../elements/elements.js";
import { provenanceOf } from "../elements/provenance.js";

/** Stored properties that are already in the answer's own fields (`at`: its provenance), only feed the search index, or are raw input (OpenLineage events). */
const HIDDEN = new Set(["id", "kind", "key", "name", "search", "observedEvents", "at"]);

export class NodesService {
  constructor(
    private readonly repo: NodesRepository,
    private readonly resolver: NodeResolver,
  ) {}

  async node(id: ParsedNodeId): Promise<NodeResponse> {
    const row = await this.resolver.load(id, (x) => this.repo.node(x));
    const n = row.node;
    const properties = Object.fromEntries(
      Object.entries(n).filter(([k, v]) => !HIDDEN.has(k) && !(k === "legalNames" && n.kind !== "vendor") && v !== null),
    );
    return {
      node: { id: idOf(n), kind: kindOf(n), label: n.name, system: n.system ?? null, properties, provenance: provenanceOf(n) },
      neighbours: Object.fromEntries(row.neighbours.map((x) => [x.kind, x.count])),
    };
  }

  async neighborhood(id: ParsedNodeId, q: NeighborhoodQuery): Promise<NeighborhoodResponse> {
    const rows = await this.resolver.load(id, async (x) => {
      const found = await this.repo.neighborhood(x, q.depth, q.kinds ?? null, MAX_NODES);
      return found.length > 0 ? found : null;
    });
    const elements = new ElementsBuilder();
    for (const r of rows) elements.node(r.node, { depth: r.depth });
    for (const r of rows) {
      for (const e of r.out) elements.edge(e.source, e.type, e.target, { label: e.columns?.join(", ") ?? e.label, provenance: provenanceOf(e) });
    }
    // Left out by the query's cap: what it found, by kind, less what it kept.
    const earlier: Record<string, number> = {};
    for (const c of rows[0]!.counted) {
      const kept = rows.filter((r) => r.node.kind === c.kind).length;
      if (c.count > kept) earlier[c.kind] = (earlier[c.kind] ?? 0) + c.count - kept;
    }
    return { center: id.id, depth: q.depth, elements: elements.build(), truncated: rows[0]!.truncated || elements.truncated, omitted: elements.omitted(earlier) };
  }
}
