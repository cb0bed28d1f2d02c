import { describe, expect, it } from "vitest";

import { AnswerCache } from "./cache.js";
import type { Graph } from "./graph.js";
import { LoadSequence } from "./load-state.js";

/** A load sequence the test moves by hand. */
function sequence(start = 1) {
  const s = { seq: start, reads: 0, current: () => (s.reads++, Promise.resolve(s.seq)) };
  return s;
}

const text = (a: { body: Buffer }) => a.body.toString("utf8");

describe("AnswerCache", () => {
  it("keeps an answer while the load sequence stays the same, and computes it again once it moves", async () => {
    const seq = sequence();
    const cache = new AnswerCache(seq);
    let computed = 0;
    const compute = () => Promise.resolve({ n: ++computed });

    expect(text(await cache.answer("/api/overview", compute))).toBe('{"n":1}');
    expect(text(await cache.answer("/api/overview", compute))).toBe('{"n":1}');
    seq.seq = 2;
    expect(text(await cache.answer("/api/overview", compute))).toBe('{"n":2}');
    // The sequence is read for every answer, kept or not.
    expect(seq.reads).toBe(3);
  });

  it("keeps nothing for a database no counted load wrote (sequence 0)", async () => {
    const cache = new AnswerCache(sequence(0));
    let computed = 0;
    const compute = () => Promise.resolve(++computed);

    await cache.answer("/a", compute);
    await cache.answer("/a", compute);
    expect(computed).toBe(2);
    expect(cache.stats.entries).toBe(0);
  });

  it("computes fifty identical requests at once a single time", async () => {
    const cache = new AnswerCache(sequence());
    let computed = 0;
    const compute = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 10));
      return { ok: true };
    };

    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.answer("/api/trace?from=x", compute)));
    expect(computed).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
  });

  it("keeps no failure: the next request computes again, and a request that joined a failed one computes its own", async () => {
    const cache = new AnswerCache(sequence());
    let calls = 0;
    const failing = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      throw new Error("client went away");
    };
    const first = cache.answer("/a", failing);
    const joined = cache.answer("/a", () => Promise.resolve("own"));
    await expect(first).rejects.toThrow("client went away");
    expect(text(await joined)).toBe('"own"');
    expect(calls).toBe(1);
  });

  it("drops the least recently used answers past its memory, and never keeps one answer larger than an eighth of it", async () => {
    const cache = new AnswerCache(sequence(), 800);
    const of = (n: number) => () => Promise.resolve("x".repeat(n));
    await cache.answer("/a", of(40));
    await cache.answer("/b", of(40));
    await cache.answer("/big", of(200));
    expect(cache.stats.entries).toBe(2);
    for (let i = 0; i < 20; i++) await cache.answer(`/c${i}`, of(40));
    expect(cache.stats.bytes).toBeLessThanOrEqual(800);
    expect(cache.stats.entries).toBe(19);
  });
});

describe("LoadSequence", () => {
  it("answers each request with a read that started after it arrived, sharing reads between requests that wait together", async () => {
    let value = 1;
    const started: number[] = [];
    const pending: (() => void)[] = [];
    const graph = {
      read: () => {
        started.push(value);
        const v = value;
        return new Promise<Record<string, unknown>[]>((resolve) => pending.push(() => resolve([{ seq: v }])));
      },
      queryTimeoutMs: 1000,
    } as unknown as Graph;
    const sequence = new LoadSequence(graph);

    const a = sequence.current();
    // A load commits while a's read is under way: b and c arrived after, so they must not get a's (older) read.
    value = 2;
    const b = sequence.current();
    const c = sequence.current();
    expect(started).toEqual([1]);
    pending.shift()!();
    expect(await a).toBe(1);
    await new Promise((r) => setImmediate(r));
    // One more read, shared by b and c.
    expect(started).toEqual([1, 2]);
    pending.shift()!();
    expect([await b, await c]).toEqual([2, 2]);
  });
});
