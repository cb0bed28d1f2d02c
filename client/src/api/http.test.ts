import { afterEach, describe, expect, it, vi } from "vitest";

import { getJson } from "./http";

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
});
