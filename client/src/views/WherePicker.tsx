/**
 * The checklist's question: a data subject or a data category, found as you type. Keyboard: ↑/↓ to move, Enter to
 * pick, Esc to close (downshift's ARIA combobox, as the header search). The box shows the question being answered.
 */
import type { SearchResponse } from "@contract/api";
import { useCombobox } from "downshift";
import { useEffect, useMemo, useState } from "react";

import { useDataset } from "./context";
import { api } from "../api/endpoints";
import { KindIcon } from "../components/KindIcon";

type Choice = SearchResponse["results"][number];

const KIND_WORDS = { subject: "data subject", category: "data category" } as const;

/** "Registered user (Kentico)": a subject belongs to one system, a category to all. */
export function choiceLabel(c: { label: string; kind: string; system: string | null }, systemNames: ReadonlyMap<string, string>): string {
  return c.kind === "subject" && c.system ? `${c.label} (${systemNames.get(c.system) ?? c.system})` : c.label;
}

export function WherePicker({ active, systems, onPick }: { active: string; systems: readonly string[]; onPick: (c: Choice) => void }) {
  const dataset = useDataset();
  const systemNames = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const [query, setQuery] = useState("");
  const [choices, setChoices] = useState<Choice[]>([]);
  const [state, setState] = useState<"idle" | "ok" | "error">("idle");
  const scope = systems.join(",");

  useEffect(() => {
    const q = query.trim();
    if (q.length < 1 || q === active) {
      setChoices([]);
      setState("idle");
      return;
    }
    const ctrl = new AbortController();
    const opts = { limit: 10, systems: scope ? scope.split(",") : [] };
    const t = setTimeout(() => {
      // Subjects first: an access or erasure request is about a person.
      Promise.all([api.search(q, { ...opts, kind: "subject" }, ctrl.signal), api.search(q, { ...opts, kind: "category" }, ctrl.signal)]).then(
        ([subjects, categories]) => {
          setChoices([...subjects.results, ...categories.results]);
          setState("ok");
        },
        () => {
          if (!ctrl.signal.aborted) setState("error");
        },
      );
    }, 120);
    return () => {
      clearTimeout(t);
      ctrl.abort();
    };
  }, [query, scope, active]);

  const { isOpen, getMenuProps, getInputProps, getItemProps, getLabelProps, highlightedIndex } = useCombobox<Choice>({
    items: choices,
    selectedItem: null,
    initialInputValue: active,
    itemToString: (c) => (c ? choiceLabel(c, systemNames) : ""),
    defaultHighlightedIndex: 0,
    onInputValueChange: ({ inputValue }) => setQuery(inputValue),
    stateReducer: (s, { type, changes }) => {
      const T = useCombobox.stateChangeTypes;
      // Leaving the box never picks for the user, and the box goes back to the question on screen.
      if (type === T.InputBlur) return { ...changes, selectedItem: s.selectedItem, inputValue: active };
      return changes;
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onPick(selectedItem);
    },
  });

  const showMenu = isOpen && query.trim().length > 0 && query.trim() !== active;
  return (
    <div className="where-picker">
      <label {...getLabelProps()} className="where-picker__label">
        Data subject or category
      </label>
      <div className="search where-picker__box">
        <input {...getInputProps()} className="search__input where-picker__input" placeholder="e.g. registered user, email" spellCheck={false} />
        <ul {...getMenuProps({ "aria-label": "Data subjects and categories" })} className={`search__menu${showMenu ? " is-open" : ""}`}>
          {showMenu &&
            choices.map((c, i) => (
              <li key={c.id} {...getItemProps({ item: c, index: i })} className={`search__item${highlightedIndex === i ? " is-active" : ""}`}>
                <KindIcon kind={c.kind} />
                <span className="search__label">{c.label}</span>
                <span className="search__meta">{[KIND_WORDS[c.kind as keyof typeof KIND_WORDS], c.system ? (systemNames.get(c.system) ?? c.system) : null].filter(Boolean).join(" · ")}</span>
              </li>
            ))}
          {showMenu && state === "ok" && choices.length === 0 && <li className="search__none">No data subject or category matches “{query.trim()}”.</li>}
          {showMenu && state === "error" && <li className="search__none">Search is not available right now.</li>}
        </ul>
      </div>
    </div>
  );
}
