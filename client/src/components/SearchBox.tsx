/**
 * Search with autocomplete: prefix, case-insensitive, over every kind of node. Keyboard: ↑/↓ to move,
 * Enter to choose, Esc to close; "/" anywhere focuses it. Built on downshift's ARIA combobox.
 */
import type { SearchResponse } from "@contract/api";
import { useCombobox } from "downshift";
import { Search } from "lucide-react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";

import { KindIcon } from "./KindIcon";
import { api } from "../api/endpoints";
import { ApiError } from "../api/http";
import { KIND_LOOK } from "../graph/kinds";
import { readSystems } from "../lib/urlState";
import { useDataset } from "../views/context";


export type SearchResult = SearchResponse["results"][number];

export function SearchBox({ onChoose }: { onChoose: (r: SearchResult) => void }) {
  // Results name their system: two "Sign-up form" sources of two systems must be told apart.
  const dataset = useDataset();
  const systemNames = useMemo(() => new Map(dataset.systems.map((x) => [x.id, x.name])), [dataset]);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<SearchResult[]>([]);
  // The text the results on screen answer: while a newer answer is on its way the list may still be an older one's.
  const [answered, setAnswered] = useState("");
  const [state, setState] = useState<"idle" | "loading" | "ok" | "error">("idle");
  const input = useRef<HTMLInputElement>(null);
  // Search looks only in the data set picked in the header.
  const [params] = useSearchParams();
  const scope = useMemo(() => readSystems(params).join(","), [params]);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 1) {
      setResults([]);
      setState("idle");
      return;
    }
    const ctrl = new AbortController();
    setState("loading");
    let t: ReturnType<typeof setTimeout>;
    // A busy or briefly unreachable server (503, 429) is asked again a few times before the box says it failed.
    const ask = (attempt: number) => {
      api.search(q, { limit: 12, systems: scope ? scope.split(",") : [] }, ctrl.signal).then(
        (r) => {
          setResults(r.results);
          setAnswered(q);
          setState("ok");
        },
        (err: unknown) => {
          if (ctrl.signal.aborted) return;
          if (err instanceof ApiError && err.transient && attempt < 3) t = setTimeout(() => ask(attempt + 1), Math.min(5, err.retryAfter ?? 1) * 1000);
          else setState("error");
        },
      );
    };
    t = setTimeout(() => ask(0), 120);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [query, scope]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === "/" && !typing) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Downshift owns the input's text. It used to be React state passed back as `inputValue`, but downshift reports a
  // change only in an effect after the render: a keystroke that came before that effect ran (a busy browser, fast
  // typing) was typed into the old text and the character before it was lost. `query` only drives the search.
  const { isOpen, getMenuProps, getInputProps, getItemProps, highlightedIndex } = useCombobox<SearchResult>({
    items: results,
    // Never holds a choice: choosing the same result twice works, and the box is empty again after a choice.
    selectedItem: null,
    itemToString: (r) => r?.label ?? "",
    defaultHighlightedIndex: 0,
    onInputValueChange: ({ inputValue }) => setQuery(inputValue),
    stateReducer: (state, { type, changes }) => {
      const T = useCombobox.stateChangeTypes;
      // Leaving the box (Tab, a click elsewhere) never picks the highlighted result for the user.
      if (type === T.InputBlur) return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
      if ((type === T.InputKeyDownEnter || type === T.ItemClick) && changes.selectedItem) return { ...changes, inputValue: "" };
      return changes;
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (!selectedItem) return;
      onChoose(selectedItem);
      input.current?.blur();
    },
  });

  const showMenu = isOpen && query.trim().length > 0;
  return (
    <div className="search">
      <Search className="search__icon" size={16} aria-hidden />
      <input
        {...getInputProps({ ref: input })}
        className="search__input"
        placeholder="Search tables, columns, vendors, categories…"
        aria-label="Search the inventory"
        spellCheck={false}
      />
      <kbd className="search__kbd" aria-hidden>
        /
      </kbd>
      <ul {...getMenuProps({ "aria-label": answered ? `Search results for “${answered}”` : "Search results" })} className={`search__menu${showMenu ? " is-open" : ""}`}>
        {showMenu &&
          results.map((r, i) => (
            <li key={r.id} {...getItemProps({ item: r, index: i })} className={`search__item${highlightedIndex === i ? " is-active" : ""}`}>
              <KindIcon kind={r.kind} />
              <span className="search__label">{r.label}</span>
              <span className="search__meta">
                {[KIND_LOOK[r.kind].name, r.detail, r.system ? (systemNames.get(r.system) ?? r.system) : null].filter(Boolean).join(" · ")}
              </span>
            </li>
          ))}
        {showMenu && state === "ok" && results.length === 0 && <li className="search__none">Nothing matches “{query.trim()}”.</li>}
        {showMenu && state === "error" && <li className="search__none">Search is not available right now.</li>}
      </ul>
    </div>
  );
}
