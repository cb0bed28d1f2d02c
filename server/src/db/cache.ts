/**
 * Answers kept per load sequence (load-state.ts). The graph changes only when a load commits, and every load bumps
 * the sequence in its own transaction, so an answer computed at sequence n is the answer for as long as the database
 * says n. Each request reads the sequence (coalesced with the requests arriving at the same time, never older than
 * the request), and a different number empties the cache: an import from another process is seen by the next request.
 * Only answers that read nothing but the graph may be kept (server.ts names them), and only successful ones.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

import type { LoadSequence } from "./load-state.js";

export interface CachedAnswer {
  /** The JSON body, serialised once. */
  body: Buffer;
  etag: string;
  /** The body gzipped, made once for the first client that accepts it (`gzipped`). */
  gzip?: Promise<Buffer>;
}

const gzipAsync = promisify(gzip);

/**
 * The answer's body gzipped, once however many clients it is sent to (http/compress.ts), off the event loop. The
 * cache's limit counts the JSON bodies; the gzipped copies add about a tenth of it.
 */
export function gzipped(answer: CachedAnswer): Promise<Buffer> {
  return (answer.gzip ??= gzipAsync(answer.body));
}

/** The serialised answer and its ETag, as `res.json` would send it. */
function serialise(value: unknown): CachedAnswer {
  const body = Buffer.from(JSON.stringify(value), "utf8");
  return { body, etag: `W/"${body.length.toString(16)}-${createHash("sha1").update(body).digest("base64url").slice(0, 27)}"` };
}

export class AnswerCache {
  /** The sequence the kept answers belong to (-1: none yet). */
  private seq = -1;
  /** Least recently used first (a Map keeps insertion order; a hit moves its entry to the end). */
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  /** Answers being computed, so fifty identical requests at once compute it once. */
  private readonly computing = new Map<string, Promise<CachedAnswer>>();

  constructor(
    private readonly sequence: Pick<LoadSequence, "current">,
    /** At most this many bytes of answers; one answer larger than an eighth of it is never kept. */
    private readonly maxBytes = 64 * 1024 * 1024,
  ) {}

  get stats(): { seq: number; entries: number; bytes: number } {
    return { seq: this.seq, entries: this.entries.size, bytes: this.bytes };
  }

  /** The answer for `key` at the database's current load sequence: kept, or computed now (and kept when it may be). */
  async answer(key: string, compute: () => Promise<unknown>): Promise<CachedAnswer> {
    const seq = await this.sequence.current();
    // A database no counted load has written (an older version loaded it): nothing says when it changes, so nothing is kept.
    if (seq === 0) return serialise(await compute());
    if (seq !== this.seq) this.reset(seq);
    const kept = this.entries.get(key);
    if (kept) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const id = `${seq}|${key}`;
    const running = this.computing.get(id);
    if (running) {
      // Another request's answer; if it fails (its client went away, its deadline passed), this one computes its own.
      try {
        return await running;
      } catch {
        return serialise(await compute());
      }
    }
    const work = compute().then(serialise);
    this.computing.set(id, work);
    try {
      const answer = await work;
      this.keep(seq, key, answer);
      return answer;
    } finally {
      this.computing.delete(id);
    }
  }

  private reset(seq: number): void {
    this.seq = seq;
    this.entries.clear();
    this.bytes = 0;
  }

  private keep(seq: number, key: string, answer: CachedAnswer): void {
    // Computed for a sequence that has since changed: it describes an older graph.
    if (seq !== this.seq || answer.body.length > this.maxBytes / 8) return;
    const before = this.entries.get(key);
    if (before) this.bytes -= before.body.length;
    this.entries.delete(key);
    this.entries.set(key, answer);
    this.bytes += answer.body.length;
    for (const [oldest, a] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= a.body.length;
    }
  }
}
