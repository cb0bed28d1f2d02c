/** Loads one API answer for a React view: loading / error / data, aborted when the key changes, cached per key. */
import { useCallback, useEffect, useState } from "react";

import { ApiError } from "./http";

export type ApiState<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "error"; data?: undefined; error: ApiError }
  | { status: "ok"; data: T; error?: undefined };

const cache = new Map<string, unknown>();
const CACHE_LIMIT = 60;

function remember(key: string, value: unknown) {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
}

/** `key` null means "nothing to load" (the state stays loading). */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<{ key: string | null; value: ApiState<T> }>(() =>
    key && cache.has(key) ? { key, value: { status: "ok", data: cache.get(key) as T } } : { key, value: { status: "loading" } },
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!key) return;
    if (cache.has(key)) {
      setState({ key, value: { status: "ok", data: cache.get(key) as T } });
      return;
    }
    const ctrl = new AbortController();
    setState({ key, value: { status: "loading" } });
    load(ctrl.signal).then(
      (data) => {
        remember(key, data);
        setState({ key, value: { status: "ok", data } });
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, "BAD_RESPONSE", String(err));
        setState({ key, value: { status: "error", error } });
      },
    );
    return () => ctrl.abort();
    // `load` is keyed by `key`; a new function with the same key must not refetch.
  }, [key, attempt]);

  const reload = useCallback(() => {
    if (key) cache.delete(key);
    setAttempt((a) => a + 1);
  }, [key]);

  const value: ApiState<T> = state.key === key ? state.value : { status: "loading" };
  return { ...value, reload };
}
