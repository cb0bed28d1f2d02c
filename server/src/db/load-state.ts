/**
 * The load sequence: one `(:LoadState {id: 'graph'})` node whose `seq` goes up by one at the end of every load (a
 * load, an import, an OpenLineage ingest, a removal), in that load's own transaction (`seed/finish-load`). The graph
 * only changes when a load commits, so an answer computed at sequence n stays true while the database says n: caches
 * key their answers by it (cache.ts) and cursors carry it, whichever process did the load.
 */
import type { ManagedTransaction } from "neo4j-driver";

import { cypher } from "./cypher.js";
import { REPLY_MARGIN_MS, type Graph } from "./graph.js";
import { currentDeadline, Deadline, runWithDeadline, within } from "../deadline.js";
import { ConflictError, DatabaseUnavailableError, QueryTimeoutError } from "../errors.js";

/** Bumps the sequence inside a load's transaction (its last statement): it commits with the load, or not at all. */
export async function bumpLoadSequence(tx: ManagedTransaction): Promise<number> {
  const res = await tx.run(cypher("seed/finish-load"));
  return Number(res.records[0]?.get("seq") ?? 0);
}

/**
 * Reads the sequence for requests. Each request must see a value read after it arrived (a load another process
 * committed a moment ago must count), but a read per request would double the database round trips of cached
 * answers. So reads are coalesced: a request waits for the next read that starts after it arrived; while one read is
 * running, every request arriving meanwhile shares the one that starts when it ends. At most one read is in flight.
 */
export class LoadSequence {
  private running: Promise<number> | null = null;
  private next: Promise<number> | null = null;

  constructor(private readonly graph: Pick<Graph, "read" | "queryTimeoutMs">) {}

  /**
   * The sequence as the database holds it now (0: no load has counted itself yet). A request waits for it no longer
   * than its own deadline allows, and hears what a query of its own would have said: the database did not answer.
   */
  current(): Promise<number> {
    const read = this.shared();
    const request = currentDeadline();
    if (!request) return read;
    const ms = request.left() - REPLY_MARGIN_MS;
    if (ms <= 0) return Promise.reject(new QueryTimeoutError().withLogNote("no time left in the request for a query"));
    return within(read, ms, () => new DatabaseUnavailableError(`The graph database did not answer within ${Math.round(ms / 100) / 10} s.`).withLogNote("load sequence read deadline passed"));
  }

  private shared(): Promise<number> {
    if (!this.running) return this.start();
    // A read already under way may have been sent before this request arrived: wait for the one after it.
    this.next ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.next;
  }

  private start(): Promise<number> {
    this.next = null;
    // Its own deadline, not the request's that happened to start it: one client going away must not fail the others
    // (each request still answers 503 at its own deadline).
    const read = runWithDeadline(new Deadline(this.graph.queryTimeoutMs), () => this.graph.read("cache/load-sequence")).then((rows) => Number(rows[0]?.seq ?? 0));
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}

/** A cursor made at one load sequence is refused at another: the list it pages may have changed under it. */
export class StaleCursorError extends ConflictError {
  constructor(cursorSeq: number, currentSeq: number) {
    super("The data was loaded again since this page was answered: ask for the first page again.", { cursorLoad: cursorSeq, currentLoad: currentSeq });
  }
}

/** For cursors: throws a 409 when the sequence a cursor carries is not the database's now. */
export function checkCursorSequence(cursorSeq: number, currentSeq: number): void {
  if (cursorSeq !== currentSeq) throw new StaleCursorError(cursorSeq, currentSeq);
}
