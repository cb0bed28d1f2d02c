/** Paths: the shortest data-flow paths between two nodes (e.g. from a table to a vendor), drawn and listed. */
import type { PathsResponse, SearchResponse } from "@contract/api";
import { parseNodeId } from "@contract/ids";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";

import { GraphScreen } from "./LazyGraphScreen";
import { api } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { Empty, ErrorState, Loading } from "../components/States";
import { elementRows } from "../lib/rows";
import { withParam } from "../lib/urlState";

/** A small picker for one end of the path: type, choose a node from the search results. */
function EndPicker({ label, value, onPick }: { label: string; value: string; onPick: (id: string) => void }) {
  const [q, setQ] = useState("");
  const found = useApi<SearchResponse>(q.trim().length >= 2 ? `paths-search:${q}` : null, (s) => api.search(q.trim(), { limit: 8 }, s));
  return (
    <div className="path-end">
      <label className="path-end__label">
        {label}
        <input
          type="search"
          value={q}
          placeholder={value ? parseNodeId(value)?.key ?? value : "type a name…"}
          onChange={(e) => setQ(e.target.value)}
          aria-label={`${label}: search`}
          // Enter picks the first choice listed (the best match), as a click on it would.
          onKeyDown={(e) => {
            const first = found.status === "ok" && q.trim().length >= 2 ? found.data.results[0] : undefined;
            if (e.key === "Enter" && !e.nativeEvent.isComposing && first) {
              e.preventDefault();
              onPick(first.id);
              setQ("");
            }
          }}
        />
      </label>
      {found.status === "ok" && q.trim().length >= 2 && (
        <ul className="path-end__results" role="listbox" aria-label={`${label}: choices`}>
          {found.data.results.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="row-button"
                onClick={() => {
                  onPick(r.id);
                  setQ("");
                }}
              >
                <KindIcon kind={r.kind} /> {r.label} <span className="muted">{[r.detail, r.system].filter(Boolean).join(" · ")}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function PathsView() {
  const [params, setParams] = useSearchParams();
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const p = useApi<PathsResponse>(from && to ? `paths:${from}|${to}` : null, (s) => api.paths(from, to, s));
  const roots = useMemo(() => [from], [from]);
  const pickers = (
    <div className="path-ends">
      <EndPicker label="From" value={from} onPick={(id) => setParams((x) => withParam(x, "from", id), { replace: true })} />
      <EndPicker label="To" value={to} onPick={(id) => setParams((x) => withParam(x, "to", id), { replace: true })} />
    </div>
  );
  if (!from || !to) {
    return (
      <div className="page">
        <h1 className="screen__title">Paths between two nodes</h1>
        <p className="muted">The shortest ways data flows from one node to another, e.g. from a table to a vendor, following data-flow edges only.</p>
        {pickers}
      </div>
    );
  }
  if (p.status === "loading") return <Loading what="the paths" />;
  if (p.status === "error") return <ErrorState error={p.error} onRetry={p.reload} />;
  const label = (id: string) => p.data.elements.nodes.find((n) => n.data.id === id)?.data.label ?? parseNodeId(id)?.key ?? id;
  const rows = elementRows(p.data.elements);
  return (
    <GraphScreen
      title={`Paths from ${label(from)} to ${label(to)}`}
      subtitle={p.data.paths.length ? `${p.data.paths.length} shortest path${p.data.paths.length === 1 ? "" : "s"} of ${p.data.paths[0]!.length} steps.` : "No data-flow path leads from one to the other."}
      elements={p.data.elements}
      roots={roots}
      lanes
      toolbar={pickers}
      empty={<Empty title="No path">No data-flow path leads from {label(from)} to {label(to)}, as far as the inventory says.</Empty>}
      results={
        <ResultList
          title="Paths"
          set={{ columns: [{ key: "label", header: "Path" }], rows: p.data.paths.map((x, i) => ({ id: String(i), label: x.nodes.map(label).join(" → ") })) }}
          rowKey={(r) => r.id}
          testId="paths-list"
          summary={`${p.data.paths.length} paths · ${rows.rows.length} nodes`}
          renderRow={(r) => <span className="row-button__meta">{r.label}</span>}
        />
      }
    />
  );
}
