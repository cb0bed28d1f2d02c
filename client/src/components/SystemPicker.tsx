/**
 * The data set in view: all systems, one, or several. It lives in the URL (`systems=kentico,ambassify`), so a link
 * carries it; the overview, search, traces and the vendor list ask the server for that scope.
 */
import { ArrowLeftRight, ChevronDown, Database, Plus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";

import { readSystems, withSystems } from "../lib/urlState";

export interface PickerSystem {
  id: string;
  name: string;
  /** Our other systems it sends data to and receives data from (system keys, as the server's overview names them). */
  sendsTo?: readonly string[];
  receivesFrom?: readonly string[];
}

export interface ConnectedChoice {
  id: string;
  name: string;
  /** A loaded system the picker can add; a target not loaded is named, never offered. */
  loaded: boolean;
  /** The chosen systems send data to it / it sends data to them. */
  receives: boolean;
  sends: boolean;
}

/** The systems the chosen ones send data to or receive from, not chosen themselves: what the picker keeps one click away. */
export function connectedChoices(systems: readonly PickerSystem[], chosen: readonly string[]): ConnectedChoice[] {
  const byId = new Map(systems.map((s) => [s.id, s]));
  const out = new Map<string, ConnectedChoice>();
  const add = (id: string, dir: "receives" | "sends") => {
    if (chosen.includes(id)) return;
    const known = byId.get(id);
    const entry = out.get(id) ?? { id, name: known?.name ?? id, loaded: known !== undefined, receives: false, sends: false };
    entry[dir] = true;
    out.set(id, entry);
  };
  for (const c of chosen) {
    const s = byId.get(c);
    for (const t of s?.sendsTo ?? []) add(t, "receives");
    for (const f of s?.receivesFrom ?? []) add(f, "sends");
  }
  return [...out.values()].sort((a, b) => Number(b.loaded) - Number(a.loaded) || a.name.localeCompare(b.name));
}

const directionWords = (c: ConnectedChoice) => (c.receives && c.sends ? "exchanges data with" : c.receives ? "receives data from" : "sends data to");

/** "All systems", "Ambassify", "Ambassify, Kentico" or "3 systems": what the button says. */
export function scopeLabel(systems: readonly PickerSystem[], chosen: readonly string[]): string {
  const names = systems.filter((s) => chosen.includes(s.id)).map((s) => s.name);
  if (chosen.length === 0 || names.length === 0) return "All systems";
  return names.length <= 2 ? names.join(", ") : `${names.length} systems`;
}

export function SystemPicker({ systems }: { systems: readonly PickerSystem[] }) {
  const [params, setParams] = useSearchParams();
  const chosen = readSystems(params);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") setOpen(false);
    };
    window.addEventListener("mousedown", onDown);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("mousedown", onDown);
      window.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const all = systems.map((s) => s.id);
  const choose = (next: string[]) => setParams((p) => withSystems(p, next, all));
  const toggle = (id: string) => choose(chosen.includes(id) ? chosen.filter((s) => s !== id) : [...chosen, id]);
  const connected = connectedChoices(systems, chosen);

  return (
    <div className="system-picker" ref={root} data-testid="system-picker">
      <button
        type="button"
        className={`system-picker__button${chosen.length > 0 ? " is-scoped" : ""}`}
        aria-haspopup="true"
        aria-expanded={open}
        title="Which systems' data the explorer shows"
        onClick={() => setOpen((o) => !o)}
      >
        <Database size={14} aria-hidden />
        <span data-testid="system-picker-label">{scopeLabel(systems, chosen)}</span>
        <ChevronDown size={14} aria-hidden />
      </button>
      {connected.length > 0 && (
        <span className="system-picker__connected" role="group" aria-label="Connected systems" data-testid="system-picker-connected">
          <ArrowLeftRight size={12} aria-hidden />
          {connected.map((c) =>
            c.loaded ? (
              <button
                key={c.id}
                type="button"
                className="system-picker__add"
                data-add={c.id}
                title={`${c.name} ${directionWords(c)} the chosen systems: add it to the data set`}
                onClick={() => choose([...chosen, c.id])}
              >
                <Plus size={11} aria-hidden />
                {c.name}
              </button>
            ) : (
              <span key={c.id} className="system-picker__absent" data-absent={c.id} title={`${c.name} ${directionWords(c)} the chosen systems, but is not loaded`}>
                {c.name} (not loaded)
              </span>
            ),
          )}
        </span>
      )}
      {open && (
        <div className="system-picker__menu" role="group" aria-label="Data set">
          <label className="system-picker__item">
            <input type="radio" name="system-scope" checked={chosen.length === 0} onChange={() => choose([])} />
            All systems
          </label>
          <hr />
          {systems.map((s) => (
            <div key={s.id} className="system-picker__row">
              <label className="system-picker__item">
                <input type="checkbox" checked={chosen.includes(s.id)} onChange={() => toggle(s.id)} data-system={s.id} />
                {s.name}
              </label>
              <button type="button" className="system-picker__only" onClick={() => choose([s.id])} title={`Only ${s.name}`} data-only={s.id}>
                only
              </button>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
