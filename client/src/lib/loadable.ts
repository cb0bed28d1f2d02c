/**
 * Code fetched on demand (a view's chunk, the graph screen's), rendered at once when it has already loaded and by an
 * ordinary state update when it arrives.
 *
 * Not React.lazy in a Suspense boundary: a lazy component starts loading on its first render, so that render suspends
 * even when the chunk has long arrived, and commits the boundary's fallback; the render that shows the content is then
 * a Suspense retry, and React 19 holds the commit of a retry until 300 ms after the boundary's fallback showed (its
 * fallback throttle). Every view's first visit waited for that timer (or for an unrelated update of the shell), and a
 * view asks for its answer only once it is on screen (bench/results/2026-12-06-issue21-lazy-views-draw.md; the graph
 * screen had the same delay, 6079381). A state update is not throttled.
 */
import { useEffect, useState } from "react";

export interface Loadable<T> {
  /** The value, once loaded; null before. */
  get(): T | null;
  /** Starts loading (once: later calls share it). A failure is the rejection, and is thrown by `useLoaded`. */
  load(): Promise<T>;
}

export function loadable<T>(start: () => Promise<T>): Loadable<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    get: () => value,
    load() {
      if (!loading) {
        loading = start().then((v) => (value = v));
        // Awaited by whoever renders it; a failure meanwhile is not an unhandled rejection.
        loading.catch(() => undefined);
      }
      return loading;
    },
  };
}

/** The loadable's value: at once when it has loaded, else null until it has. A failure to load is thrown, as React.lazy does. */
export function useLoaded<T>(code: Loadable<T>): T | null {
  // Set through functions: the value is often a component, which useState would otherwise call.
  const [value, setValue] = useState<T | null>(() => code.get());
  const [failed, setFailed] = useState<Error | null>(null);
  useEffect(() => {
    if (value !== null) return;
    let live = true;
    code.load().then(
      (v) => {
        if (live) setValue(() => v);
      },
      (err: unknown) => {
        if (live) setFailed(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return () => {
      live = false;
    };
  }, [code, value]);
  if (failed) throw failed;
  return value;
}
