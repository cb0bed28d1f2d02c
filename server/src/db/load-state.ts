/**
 * The load sequence: one `(:LoadState {id: 'graph'})` node whose `seq` goes up by one at the end of every load (a
 * load, an import, an OpenLineage ingest, a removal), in that load's own transaction (`seed/finish-load`). The graph
 * only changes when a load commits, so an answer computed at sequence n stays true while the database says n: caches
 * key their answers by it (cache.ts) and cursors carry it, whichever process did the load.
 */
import type { ManagedTransaction } from "neo4j-driver";

import { CoalescedRead } from "./coalesce.js";
import { cypher } from "./cypher.js";
import type { Graph } from "./graph.js";
import { ConflictError } from "../errors.js";

/** Bumps the sequence inside a load's transaction (its last statement): it commits with the load, or not at all. */
export async function bumpLoadSequence(tx: ManagedTransaction): Promise<number> {
  const res = await tx.run(cypher("seed/finish-load"));
  return Number(res.records[0]?.get("seq") ?? 0);
}

/**
 * Reads the sequence for requests. Each request must see a value read after it arrived (a load another process
 * committed a moment ago must count), but a read per request would double the database round trips of kept answers:
 * the reads are coalesced (coalesce.ts), at most one in flight, each request answered by one sent after it arrived.
 */
export class LoadSequence {
  private readonly reads: CoalescedRead<number>;

  constructor(graph: Pick<Graph, "read" | "queryTimeoutMs">) {
    this.reads = new CoalescedRead(async () => Number((await graph.read("cache/load-sequence"))[0]?.seq ?? 0), graph.queryTimeoutMs, "load sequence");
  }

  /** The sequence as the database holds it now (0: no load has counted itself yet), within the request's deadline. */
  current(): Promise<number> {
    return this.reads.get();
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
