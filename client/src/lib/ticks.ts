/**
 * The checklist's ticks, kept in the browser's local storage per question (what was asked, in which system), so a
 * DPO working through an erasure request can reload or come back to the page and find what they already did.
 */
import { useCallback, useEffect, useState } from "react";

const PREFIX = "where-ticks:v1:";

/** The storage key of one question: `subject:kentico/user` in every system, or only in `kentico`. */
export function ticksKey(asked: string, system: string | null | undefined): string {
  return `${PREFIX}${asked}|${system ?? ""}`;
}

export function readTicks(storage: Pick<Storage, "getItem"> | undefined, key: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? "[]");
    return new Set(Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string") : []);
  } catch {
    // A value another version wrote, or a hand edit: no ticks rather than a broken page.
    return new Set();
  }
}

export function writeTicks(storage: Pick<Storage, "setItem" | "removeItem"> | undefined, key: string, ticks: ReadonlySet<string>): void {
  try {
    if (ticks.size === 0) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify([...ticks].sort()));
  } catch {
    // Storage full or refused (a private window): the ticks still work for this visit.
  }
}

const browserStorage = (): Storage | undefined => (typeof window === "undefined" ? undefined : window.localStorage);

/** The ticks of one question, read when the question changes and written on every change. */
export function useTicks(key: string | null): { ticks: ReadonlySet<string>; toggle: (id: string) => void; clear: () => void } {
  const [state, setState] = useState<{ key: string | null; ticks: Set<string> }>(() => ({ key, ticks: key ? readTicks(browserStorage(), key) : new Set() }));
  // A new question reads its own ticks (during render, so the list never shows another question's ticks for a frame).
  const current = state.key === key ? state : { key, ticks: key ? readTicks(browserStorage(), key) : new Set<string>() };
  if (current !== state) setState(current);
  useEffect(() => {
    if (current.key) writeTicks(browserStorage(), current.key, current.ticks);
  }, [current.key, current.ticks]);
  const toggle = useCallback(
    (id: string) =>
      setState((s) => {
        const n = new Set(s.ticks);
        if (n.has(id)) n.delete(id);
        else n.add(id);
        return { key: s.key, ticks: n };
      }),
    [],
  );
  const clear = useCallback(() => setState((s) => ({ key: s.key, ticks: new Set() })), []);
  return { ticks: current.ticks, toggle, clear };
}
