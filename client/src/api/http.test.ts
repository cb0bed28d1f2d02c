import { afterEach, describe, expect, it, vi } from "vitest";

import { getJson, prefetchJson } from "./http";

/** A fetch that answers when told to, and records each request and whether it was aborted. */
function fakeFetch() {
  const calls: { url: string; signal: AbortSignal | undefined; answer: (body: unknown) => void }[] = [];
  const fetch = vi.fn((url: string, init?: { signal?: AbortSignal }) =>
    new Promise<Response>((resolve, reject) => {
      init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      calls.push({ url, signal: init?.signal, answer: (body) => resolve(new Response(JSON.stringify(body), { status: 200 })) });
    }),
  );
  vi.stubGlobal("fetch", fetch);
  vi.stubGlobal("sessionStorage", { getItem: () => null, setItem: () => undefined, removeItem: () => undefined });
  return calls;
}

describe("getJson", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("sends identical GETs in flight once and gives every caller the answer", async () => {
    const calls = fakeFetch();
    const a = getJson<{ n: number }>("/overview", {}, new AbortController().signal);
    const b = getJson<{ n: number }>("/overview");
    expect(calls).toHaveLength(1);
    calls[0]!.answer({ n: 1 });
    expect(await a).toEqual({ n: 1 });
    expect(await b).toEqual({ n: 1 });
    // Settled: the next call asks again.
    const c = getJson<{ n: number }>("/overview");
    expect(calls).toHaveLength(2);
    calls[1]!.answer({ n: 2 });
    expect(await c).toEqual({ n: 2 });
  });

  it("keeps the shared request for the callers still waiting when one gives up, and aborts it when all have", async () => {
    const calls = fakeFetch();
    const first = new AbortController();
    const second = new AbortController();
    const a = getJson("/trace", { from: "system:x" }, first.signal);
    const b = getJson("/trace", { from: "system:x" }, second.signal);
    first.abort();
    await expect(a).rejects.toMatchObject({ name: "AbortError" });
    expect(calls[0]!.signal!.aborted).toBe(false);
    second.abort();
    await expect(b).rejects.toMatchObject({ name: "AbortError" });
    expect(calls[0]!.signal!.aborted).toBe(true);
    // A new caller after everyone gave up gets a new request.
    void getJson("/trace", { from: "system:x" }).catch(() => undefined);
    expect(calls).toHaveLength(2);
  });

  it("never aborts a request a caller without a signal waits for", async () => {
    const calls = fakeFetch();
    const ctrl = new AbortController();
    const withSignal = getJson("/vendors", {}, ctrl.signal);
    const without = getJson<string[]>("/vendors");
    ctrl.abort();
    await expect(withSignal).rejects.toMatchObject({ name: "AbortError" });
    expect(calls[0]!.signal!.aborted).toBe(false);
    calls[0]!.answer(["gravatar"]);
    expect(await without).toEqual(["gravatar"]);
  });

  it("sends different URLs separately", () => {
    const calls = fakeFetch();
    void getJson("/trace", { from: "system:a" });
    void getJson("/trace", { from: "system:b" });
    expect(calls.map((c) => c.url)).toEqual(["/api/trace?from=system%3Aa", "/api/trace?from=system%3Ab"]);
  });

  it("hands an answer asked for early to the first identical GET, even one asked after it arrived; the next GET asks again", async () => {
    const calls = fakeFetch();
    prefetchJson("/trace", { from: "system:early" });
    prefetchJson("/trace", { from: "system:early" });
    expect(calls).toHaveLength(1);
    calls[0]!.answer({ n: 1 });
    await new Promise((r) => setTimeout(r, 0));
    // The view's request, made once its code has loaded: no new request, the early answer.
    expect(await getJson("/trace", { from: "system:early" }, new AbortController().signal)).toEqual({ n: 1 });
    expect(calls).toHaveLength(1);
    // Taken once: a later view (a retry, a reload of the answer) asks the server.
    const again = getJson("/trace", { from: "system:early" });
    expect(calls).toHaveLength(2);
    calls[1]!.answer({ n: 2 });
    expect(await again).toEqual({ n: 2 });
    // Another question is never answered by it.
    prefetchJson("/where", { category: "category:email" });
    void getJson("/where", { category: "category:phone" }).catch(() => undefined);
    expect(calls.map((c) => c.url)).toEqual(["/api/trace?from=system%3Aearly", "/api/trace?from=system%3Aearly", "/api/where?category=category%3Aemail", "/api/where?category=category%3Aphone"]);
  });

  it("lets the view taking an early answer give up without aborting it, and hands it a failure as its own", async () => {
    const calls = fakeFetch();
    prefetchJson("/trace", { from: "system:gone" });
    const ctrl = new AbortController();
    const taken = getJson("/trace", { from: "system:gone" }, ctrl.signal);
    ctrl.abort();
    await expect(taken).rejects.toMatchObject({ name: "AbortError" });
    expect(calls[0]!.signal!.aborted).toBe(false);

    // A failure of the early request is the view's own failure; its retry asks the server again.
    const down = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ error: { code: "DATABASE_UNAVAILABLE", message: "down" } }), { status: 503 })));
    vi.stubGlobal("fetch", down);
    prefetchJson("/where", { subject: "subject:x" });
    await expect(getJson("/where", { subject: "subject:x" })).rejects.toMatchObject({ status: 503, code: "DATABASE_UNAVAILABLE" });
    expect(down).toHaveBeenCalledTimes(1);
    await expect(getJson("/where", { subject: "subject:x" })).rejects.toMatchObject({ status: 503 });
    expect(down).toHaveBeenCalledTimes(2);
  });
});
