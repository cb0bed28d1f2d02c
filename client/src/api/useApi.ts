/**
 * Loads one API answer for a React view: loading / error / data, aborted when the key changes, cached per key. An
 * answer read in pages may be shown from its first part while the rest is read (`show`; the state says `rest`).
 * An outage or overload (503, 429, no answer) is retried by itself, after the server's Retry-After (or 5 s),
 * so a view recovers when the database comes back without the user reloading. `pollMs` refreshes an answer
 * that must stay current (the database status), keeping the last one on screen meanwhile.
 */
import { useCallback, useEffect, useRef, useState } from "react";

import { ApiError } from "./http";

/** The rest of an answer shown from its first part: being read, or reading it failed. */
export type RestState = { status: "loading"; error?: undefined } | { status: "error"; error: ApiError };

export type ApiState<T> =
  | { status: "loading"; data?: undefined; error?: undefined }
  | { status: "error"; data?: undefined; error: ApiError }
  /**
   * `refreshing`: the data on screen answers an earlier key of the same family (see `keepPreviousOf`) while the new one
   * loads. `rest`: the data is only the first part of the answer (a paged answer's first page, given to `show`), while
   * the rest is read or after reading it failed; absent, the data is the whole answer.
   */
  | { status: "ok"; data: T; error?: undefined; refreshing?: boolean; rest?: RestState };

const cache = new Map<string, unknown>();
const CACHE_LIMIT = 60;

function remember(key: string, value: unknown) {
  cache.delete(key);
  cache.set(key, value);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
}

/**
 * `key` null means "nothing to load" (the state stays loading). `keepPreviousOf`: while a new key that starts with this
 * text loads, the answer to the previous key that starts with it stays on screen (`refreshing`), e.g. a trace whose
 * filters change keeps its picture, its list and an open filter menu instead of flashing a loading page.
 *
 * `load`'s `shown`: after reading the rest of an answer failed, a retry (Try again, or the automatic one) is given the
 * first part on screen, to read the rest after it without asking for it again: the picture drawn from it stays, not
 * drawn a second time. Not after a 409 (the data was loaded again since: the first part is out of date too).
 */
export function useApi<T>(
  key: string | null,
  load: (signal: AbortSignal, show: (first: T) => void, shown?: T) => Promise<T>,
  options: { pollMs?: number; keepPreviousOf?: string } = {},
): ApiState<T> & { reload: () => void } {
  const [state, setState] = useState<{ key: string | null; value: ApiState<T> }>(() =>
    key && cache.has(key) ? { key, value: { status: "ok", data: cache.get(key) as T } } : { key, value: { status: "loading" } },
  );
  const [attempt, setAttempt] = useState(0);
  /** The first part of the answer to `key` on screen while its rest could not be read: what a retry reads on from. */
  const resumable = useRef<{ key: string; first: T } | null>(null);
  const family = options.keepPreviousOf;
  const keeps = (prev: { key: string | null; value: ApiState<T> }) =>
    family !== undefined && prev.key !== key && prev.value.status === "ok" && prev.key?.startsWith(family) === true && key?.startsWith(family) === true;

  useEffect(() => {
    if (!key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const again = (ms: number) => {
      timer = setTimeout(() => {
        cache.delete(key);
        setAttempt((a) => a + 1);
      }, ms);
    };
    if (cache.has(key)) {
      setState({ key, value: { status: "ok", data: cache.get(key) as T } });
      if (options.pollMs) again(options.pollMs);
      return () => clearTimeout(timer);
    }
    const ctrl = new AbortController();
    if (resumable.current?.key !== key) resumable.current = null;
    const shown = attempt > 0 ? resumable.current?.first : undefined;
    // A refresh (poll or automatic retry) keeps what is on screen until the new answer arrives; a retry of the rest says it is reading it again.
    setState((prev) =>
      shown !== undefined && prev.key === key && prev.value.status === "ok"
        ? { key, value: { ...prev.value, rest: { status: "loading" } } }
        : prev.key === key && attempt > 0 && prev.value.status !== "loading"
          ? prev
          : keeps(prev)
            ? prev
            : { key, value: { status: "loading" } },
    );
    // The first part of the answer, on screen until the whole arrives (only the whole is kept in the cache).
    let first = shown;
    const show = (part: T) => {
      first = part;
      if (!ctrl.signal.aborted) setState({ key, value: { status: "ok", data: part, rest: { status: "loading" } } });
    };
    load(ctrl.signal, show, shown).then(
      (data) => {
        resumable.current = null;
        remember(key, data);
        setState({ key, value: { status: "ok", data } });
        if (options.pollMs) again(options.pollMs);
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        const error = err instanceof ApiError ? err : new ApiError(0, "BAD_RESPONSE", String(err));
        resumable.current = first !== undefined && error.status !== 409 ? { key, first } : null;
        // A failure after the first part keeps that part on screen and says that the rest could not be read.
        setState((prev) =>
          prev.key === key && prev.value.status === "ok" && prev.value.rest ? { key, value: { ...prev.value, rest: { status: "error", error } } } : { key, value: { status: "error", error } },
        );
        if (error.transient) again(Math.min(30, Math.max(1, error.retryAfter ?? 5)) * 1000);
        else if (options.pollMs) again(options.pollMs);
      },
    );
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
    // `load` is keyed by `key`; a new function with the same key must not refetch.
  }, [key, attempt]);

  const reload = useCallback(() => {
    if (key) cache.delete(key);
    setAttempt((a) => a + 1);
  }, [key]);

  const value: ApiState<T> = state.key === key ? state.value : keeps(state) && state.value.status === "ok" ? { ...state.value, refreshing: true } : { status: "loading" };
  return { ...value, reload };
}
