/**
 * One read shared by the requests that ask for it at the same time, never one sent before a request arrived: a
 * request waits for the next read that starts after it came in; while one read is running, every request arriving
 * meanwhile shares the one that starts when it ends. At most one read is in flight, so fifty clients asking "has
 * the graph changed?" or "is the database up?" cost the database one query at a time, and each still hears the truth
 * as of after it asked.
 */
import { currentDeadline, Deadline, REPLY_MARGIN_MS, runWithDeadline, within } from "../deadline.js";
import { DatabaseUnavailableError, QueryTimeoutError } from "../errors.js";

export class CoalescedRead<T> {
  private running: Promise<T> | null = null;
  private next: Promise<T> | null = null;

  constructor(
    private readonly read: () => Promise<T>,
    /** How long one shared read may take (its own deadline, not the request's that happened to start it). */
    private readonly timeoutMs: number,
    /** For the log: what was read. */
    private readonly what: string,
  ) {}

  /**
   * The value as read after this call. A request waits no longer than its own deadline allows, and hears what a query
   * of its own would have said: the database did not answer.
   */
  get(): Promise<T> {
    const read = this.shared();
    const request = currentDeadline();
    if (!request) return read;
    const ms = request.left() - REPLY_MARGIN_MS;
    if (ms <= 0) return Promise.reject(new QueryTimeoutError().withLogNote("no time left in the request for a query"));
    return within(read, ms, () => new DatabaseUnavailableError(`The graph database did not answer within ${Math.round(ms / 100) / 10} s.`).withLogNote(`${this.what} read deadline passed`));
  }

  private shared(): Promise<T> {
    if (!this.running) return this.start();
    // A read already under way may have been sent before this request arrived: wait for the one after it.
    this.next ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.next;
  }

  private start(): Promise<T> {
    this.next = null;
    // One client going away must not fail the others (each request still answers 503 at its own deadline).
    const read = runWithDeadline(new Deadline(this.timeoutMs), this.read);
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}
