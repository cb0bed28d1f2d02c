/**
 * Links that last. An id that names no node is looked at once more before the answer is "not found": an id written
 * before ids were scoped by system (`table:CMS_User`, `column:CMS_User.Email`) stands for the node of that kind and
 * key in whichever system has one, when exactly one does; when several do, the answer is a 409 listing them, never a
 * guess; when none does, the 404 carries the closest search results, so a stale link still leads somewhere.
 */
import { NodesRepository } from "./nodes.repository.js";
import type { SearchResponse } from "../contract/api.js";
import type { NodeKind, ParsedNodeId } from "../contract/ids.js";
import type { Graph } from "../db/graph.js";
import { ConflictError, NotFoundError } from "../errors.js";
import { SearchRepository } from "../search/search.repository.js";
import { SearchService } from "../search/search.service.js";

/** Kinds whose keys start with their system (`table:kentico/CMS_User`); the others are shared across systems. */
const SCOPED: readonly NodeKind[] = ["table", "column", "source", "subject", "purpose"];

/** How many closest search results a "not found" offers. */
export const SUGGESTIONS = 5;

/** What a stale id's key reads as in a search box: the last part of a key, without the table before a column's name. */
export function searchTextOf(key: string): string {
  const last = key.slice(key.lastIndexOf("/") + 1);
  return last.replace(/[._-]+/g, " ").trim();
}

export class NodeResolver {
  constructor(
    private readonly nodes: NodesRepository,
    private readonly search: SearchService,
  ) {}

  /** The id of the node `id` names: itself when it exists, else what a legacy id stands for; throws 404 or 409. */
  async resolve(id: ParsedNodeId): Promise<string> {
    if (SCOPED.includes(id.kind) && !id.key.includes("/")) {
      const found = await this.nodes.legacy(id.kind, id.key);
      if (found.length === 1) return found[0]!.id;
      if (found.length > 1) {
        throw new ConflictError(`'${id.id}' names a ${id.kind} in ${found.length} systems; say which one, e.g. '${found[0]!.id}'.`, {
          id: id.id,
          candidates: found.map((f) => f.id),
        });
      }
    }
    throw await this.notFound(id);
  }

  /**
   * What `load` answers for `id`, or for the node a legacy `id` stands for; the lookup costs nothing more when the id
   * names a node. Throws the 404 (with suggestions) or 409 of `resolve`.
   */
  async load<T>(id: ParsedNodeId, load: (id: string) => Promise<T | null>): Promise<T> {
    const found = await load(id.id);
    if (found !== null) return found;
    const again = await load(await this.resolve(id));
    if (again === null) throw await this.notFound(id);
    return again;
  }

  /**
   * A 404 for `id` with the closest search results: of its kind first, else of any kind; for the key's text, else
   * for it a letter or two shorter (a misspelt or cut link: `CMS_Usr` finds `CMS_User`), else for its first word.
   */
  async notFound(id: ParsedNodeId): Promise<NotFoundError> {
    const text = searchTextOf(id.key);
    const tries = [...new Set([text, text.slice(0, -1), text.slice(0, -2), text.split(" ")[0] ?? ""].map((t) => t.trim()))].filter((t) => t.length >= 2);
    let suggestions: SearchResponse["results"] = [];
    for (const kind of [id.kind, undefined]) {
      for (const q of tries) {
        suggestions = (await this.search.search({ q, limit: SUGGESTIONS, ...(kind ? { kind } : {}) })).results;
        if (suggestions.length > 0) return new NotFoundError(`No node with id '${id.id}'.`, { id: id.id, suggestions });
      }
    }
    return new NotFoundError(`No node with id '${id.id}'.`, { id: id.id, suggestions });
  }
}

/** The resolver every feature that takes a node id uses. */
export function nodeResolver(graph: Graph): NodeResolver {
  return new NodeResolver(new NodesRepository(graph), new SearchService(new SearchRepository(graph)));
}
