import { describe, expect, it } from "vitest";

import { ConcurrencyLimiter, LimiterFullError } from "./limiter.js";

describe("ConcurrencyLimiter", () => {
  it("runs up to `concurrency` at once and hands a freed slot to the next waiter", async () => {
    const limiter = new ConcurrencyLimiter({ concurrency: 2, queue: 5, maxWaitMs: 1000 });
    const a = await limiter.acquire();
    await limiter.acquire();
    const third = limiter.acquire();
    expect(limiter.stats).toEqual({ active: 2, waiting: 1 });

    a();
    await third;

    expect(limiter.stats).toEqual({ active: 2, waiting: 0 });
  });

  it("refuses at once when the queue is full", async () => {
    const limiter = new ConcurrencyLimiter({ concurrency: 1, queue: 1, maxWaitMs: 1000 });
    await limiter.acquire();
    const queued = limiter.acquire();
    const started = Date.now();

    await expect(limiter.acquire()).rejects.toBeInstanceOf(LimiterFullError);
    expect(Date.now() - started).toBeLessThan(50);
    queued.catch(() => {});
  });

  it("gives up on a waiter after maxWaitMs and frees its place in the queue", async () => {
    const limiter = new ConcurrencyLimiter({ concurrency: 1, queue: 1, maxWaitMs: 30 });
    await limiter.acquire();

    await expect(limiter.acquire()).rejects.toBeInstanceOf(LimiterFullError);
    expect(limiter.stats).toEqual({ active: 1, waiting: 0 });
  });

  it("releasing twice frees one slot only", async () => {
    const limiter = new ConcurrencyLimiter({ concurrency: 1, queue: 0, maxWaitMs: 0 });
    const release = await limiter.acquire();
    release();
    release();
    await limiter.acquire();

    await expect(limiter.acquire()).rejects.toBeInstanceOf(LimiterFullError);
  });
});
