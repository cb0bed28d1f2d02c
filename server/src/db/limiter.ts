/**
 * A bounded queue in front of the database. At most `concurrency` queries run at once; up to `queue` more
 * wait, each at most `maxWaitMs`; anything beyond is refused at once. An overloaded database then answers
 * with fast, honest 503s instead of piling up connections until the driver's pool times out.
 */
export class LimiterFullError extends Error {
  override name = "LimiterFullError";
}

export interface LimiterOptions {
  concurrency: number;
  queue: number;
  maxWaitMs: number;
}

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(private readonly options: LimiterOptions) {}

  get stats(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** Resolves with a release function once a slot is free; rejects with LimiterFullError when the queue is full or the wait too long. */
  acquire(maxWaitMs = this.options.maxWaitMs): Promise<() => void> {
    if (this.active < this.options.concurrency) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.options.queue || maxWaitMs <= 0) {
      return Promise.reject(new LimiterFullError("queue full"));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          reject(new LimiterFullError("waited too long"));
        }, maxWaitMs),
      };
      this.waiting.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next.grant();
      else this.active--;
    };
  }
}
