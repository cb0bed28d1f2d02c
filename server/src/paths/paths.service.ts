import type { PathRow, PathsRepository } from "./paths.repository.js";
import type { PathsQuery } from "./paths.schema.js";
import type { PathsResponse, Provenance } from "../contract/api.js";
import { ElementsBuilder, idOf } from "../elements/elements.js";
import { provenanceOf, SAME_CATEGORY } from "../elements/provenance.js";
import { NotFoundError } from "../errors.js";
import type { NodeProps } from "../node.row.js";
import type { NodeResolver } from "../nodes/node.resolve.js";

/** At most this many equally short paths are returned. */
export const MAX_PATHS = 10;

export class PathsService {
  constructor(
    private readonly repo: PathsRepository,
    private readonly resolver: NodeResolver,
  ) {}

  async paths(q: PathsQuery): Promise<PathsResponse> {
    let row = await this.repo.shortest(q.from.id, q.to.id, MAX_PATHS);
    if (!row) {
      // An end that names no node: the id it stands for (a legacy id), or its 404 with suggestions, or a 409.
      const found = await this.repo.existing([q.from.id, q.to.id]);
      const [from, to] = [found.has(q.from.id) ? q.from.id : await this.resolver.resolve(q.from), found.has(q.to.id) ? q.to.id : await this.resolver.resolve(q.to)];
      row = await this.repo.shortest(from, to, MAX_PATHS);
      if (!row) throw new NotFoundError(`No node with id '${q.from.id}' or '${q.to.id}'.`, { ids: [q.from.id, q.to.id] });
    }
    const elements = new ElementsBuilder();
    const from = elements.node(row.from, { focus: true })!;
    const to = elements.node(row.to, { focus: true })!;
    const paths = row.paths.map((p) => {
      const kept = withoutLoops(walkOf(p));
      for (const step of kept) elements.node(step.node);
      for (const step of kept) if (step.edge) elements.edge(step.edge.source, step.edge.type, step.edge.target, step.edge.data);
      if (p.first) elements.rel(p.first);
      if (p.last) elements.rel(p.last);
      const nodes = [...(p.first ? [from] : []), ...kept.map((step) => idOf(step.node)), ...(p.last ? [to] : [])];
      return { nodes, length: nodes.length - 1 };
    });
    return { from: q.from.id, to: q.to.id, paths, elements: elements.build() };
  }
}

interface WalkStep {
  node: NodeProps;
  /** The edge that leads to this node from the one before (as stored), with what the picture shows on it. */
  edge?: { source: string; type: string; target: string; data: { label?: string; key?: string; back?: boolean; provenance: Provenance[] } };
}

/**
 * A path's nodes and edges in order. A copy whose columns the inventory does not map is never shown as a pair of
 * columns: the walk goes from the column into its table, along the table's copy of that category ("columns not
 * stated"), and into the fed table's column.
 */
function walkOf(p: PathRow): WalkStep[] {
  const walk: WalkStep[] = [];
  p.nodes.forEach((node, i) => {
    const r = i > 0 ? p.rels[i - 1] : undefined;
    if (r?.copy) {
      const [a, b] = [idOf(r.copy.from), idOf(r.copy.to)];
      const category = r.copy.category ?? "Data";
      // As in a trace: each column stated in its table, the copy by its source, the landing by category inferred.
      const copy = provenanceOf(r.props);
      walk.push({ node: r.copy.from, edge: { source: a, type: "HAS_COLUMN", target: r.source, data: { back: true, provenance: provenanceOf(p.nodes[i - 1]) } } });
      walk.push({ node: r.copy.to, edge: { source: a, type: "COPIED_TO", target: b, data: { label: `${category}: columns not stated`, key: category, provenance: copy } } });
      walk.push({ node, edge: { source: b, type: "HAS_COLUMN", target: r.target, data: { provenance: [SAME_CATEGORY, ...provenanceOf(node).filter((x) => x.kind === "stated")] } } });
    } else walk.push({ node, ...(r ? { edge: { source: r.source, type: r.type, target: r.target, data: { provenance: provenanceOf(r.props) } } } : {}) });
  });
  return walk;
}

/** A walk with each loop cut out where it comes back to a node (a start table, then that table's copy): no node repeats. */
export function withoutLoops(walk: readonly WalkStep[]): WalkStep[] {
  const out: WalkStep[] = [];
  for (const step of walk) {
    const seen = out.findIndex((s) => idOf(s.node) === idOf(step.node));
    if (seen >= 0) out.length = seen + 1;
    else out.push(step);
  }
  return out;
}
