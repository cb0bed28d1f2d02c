/**
 * One deadline per request. The HTTP layer starts it when a request arrives; everything the request does after
 * that (waiting in a queue, each database query, building the answer, rendering a PDF) reads the time left from
 * the same deadline through AsyncLocalStorage, so no step can spend more than the request has left. Once it has
 * passed, the client has already been answered 503 and the work still running stops at its next step.
 */
import { AsyncLocalStorage } from "node:async_hooks";

import { QueryTimeoutError } from "./errors.js";

export class Deadline {
  readonly at: number;
  private readonly controller = new AbortController();

  constructor(readonly ms: number, now = Date.now()) {
    this.at = now + ms;
  }

  /** Aborted when the time is up (or the client went away): a long step can listen to it. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  left(): number {
    return this.at - Date.now();
  }

  get expired(): boolean {
    return this.controller.signal.aborted || this.left() <= 0;
  }

  expire(reason = "deadline passed"): void {
    if (!this.controller.signal.aborted) this.controller.abort(new Error(reason));
  }

  /** Throws once the time is up, so work that outlived its request stops at the next step instead of finishing. */
  check(): void {
    if (this.expired) throw new QueryTimeoutError().withLogNote("request deadline passed");
  }
}

const store = new AsyncLocalStorage<Deadline>();

/** Time a database read keeps back from its request's deadline, so the client hears the database's own error. */
export const REPLY_MARGIN_MS = 100;

export function runWithDeadline<T>(deadline: Deadline, work: () => T): T {
  return store.run(deadline, work);
}

/** The deadline of the request this code runs for; undefined outside a request (CLIs, loads, warm-up). */
export function currentDeadline(): Deadline | undefined {
  return store.getStore();
}

/**
 * Settles as `work` does, or rejects with `timedOut()` after `ms`, whichever comes first; the timer never keeps the
 * process alive. The work itself goes on: the caller stops it (closes its session, its page) or lets it finish unheard.
 */
export function within<T>(work: Promise<T>, ms: number, timedOut: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timedOut()), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The time a step may take: what is left of the request, and never more than `cap`. */
export function timeLeft(cap: number): number {
  const d = currentDeadline();
  return d ? Math.min(cap, d.left()) : cap;
}
