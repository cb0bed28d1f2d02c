/**
 * Writes OpenLineage run events posted to the ingest endpoint: the same mapping and load as
 * `npm run import -- --format openlineage` (events → inventories of the systems they name, merged with the events
 * those systems were built from, validated, one write transaction). Loads run one at a time: each one reads the
 * events already stored, so two at once would each miss the other's.
 */
import type { LineageAnswer } from "./lineage.schema.js";
import type { Graph } from "../db/graph.js";
import type { CatalogueLookup } from "../import/catalogue.lookup.js";
import { openLineageImport, readLookup } from "../import/import.service.js";
import type { LocatedEvent } from "../import/openlineage.import.js";
import { readLoadedSystems } from "../import/openlineage.repository.js";
import type { RunEvent } from "../import/openlineage.schema.js";
import { loadInventories } from "../inventory/seed.service.js";

export class LineageService {
  private queue: Promise<unknown> = Promise.resolve();
  private lookup: Promise<CatalogueLookup> | undefined;

  constructor(
    private readonly graph: Graph,
    private readonly namespaces: Readonly<Record<string, string>> = {},
  ) {}

  ingest(events: RunEvent[]): Promise<LineageAnswer> {
    const run = this.queue.then(() => this.write(events));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(events: RunEvent[]): Promise<LineageAnswer> {
    this.lookup ??= readLookup();
    const lookup = await this.lookup;
    const located: LocatedEvent[] = events.map((event, i) => ({ event, file: "POST /api/v1/lineage", at: events.length > 1 ? `events[${i}]` : "the event" }));
    const inventories = await openLineageImport(located, lookup, { namespaces: this.namespaces, loadedSystems: (systems) => readLoadedSystems(this.graph, systems) });
    const report = await loadInventories(this.graph, inventories.map((i) => ({ file: i.file, inventory: i.inventory, ...(i.borrowed ? { borrowed: i.borrowed } : {}) })), lookup.catalogue);
    return { accepted: events.length, systems: report.systems };
  }
}
