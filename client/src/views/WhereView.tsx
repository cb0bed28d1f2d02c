/**
 * Where does this data live: for an access or erasure request, every table and column holding a data category (or a
 * subject's data), the tables referencing them, the sources writing it and the vendors receiving it, as a checklist
 * with CSV. Ticks are kept in the page only; the CSV says what is on the list.
 */
import type { SearchResponse, WhereResponse } from "@contract/api";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";

import { useDataset } from "./context";
import { api } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { Empty, ErrorState, Loading } from "../components/States";
import { TransferBadge } from "../components/TransferBadge";
import { WHERE_GROUPS, whereRows, type WhereRow } from "../lib/rows";

function CategoryPicker({ onPick }: { onPick: (id: string) => void }) {
  const [q, setQ] = useState("");
  const found = useApi<SearchResponse>(q.trim().length >= 2 ? `where-pick:${q}` : null, (s) => api.search(q.trim(), { kind: "category", limit: 12 }, s));
  return (
    <div className="where-picker">
      <label>
        Data category{" "}
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="e.g. email" aria-label="Find a data category" />
      </label>
      {found.status === "ok" && (
        <ul className="where-picker__results">
          {found.data.results.map((r) => (
            <li key={r.id}>
              <button type="button" className="btn btn--ghost btn--sm" onClick={() => onPick(r.id)}>
                <KindIcon kind="category" /> {r.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function WhereView() {
  const [params, setParams] = useSearchParams();
  const category = params.get("category") ?? undefined;
  const subject = params.get("subject") ?? undefined;
  const system = params.get("system") ?? undefined;
  const dataset = useDataset();
  const asked = category ?? subject;
  const w = useApi<WhereResponse>(asked ? `where:${asked}|${system ?? ""}` : null, (s) => api.where({ category, subject, system }, s));
  const set = useMemo(() => (w.data ? whereRows(w.data) : null), [w.data]);
  const [done, setDone] = useState<Set<string>>(new Set());
  const set_ = (key: string, value: string | null) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (value) n.set(key, value);
      else n.delete(key);
      return n;
    });
  const systemPicker = (
    <label className="where-system">
      System{" "}
      <select value={system ?? ""} onChange={(e) => set_("system", e.target.value || null)} aria-label="System">
        <option value="">every system</option>
        {dataset.systems.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
  if (!asked) {
    return (
      <div className="page">
        <Empty title="Where does this data live?">Pick a data category: every table, column, referencing table, source and vendor holding it, as a checklist for access and erasure requests.</Empty>
        <div className="where-controls">
          <CategoryPicker onPick={(id) => set_("category", id)} />
          {systemPicker}
        </div>
      </div>
    );
  }
  if (w.status === "loading") return <Loading what="where the data lives" />;
  if (w.status === "error") return <ErrorState error={w.error} onRetry={w.reload} />;
  const data = w.data;
  const vendorStatus = new Map(data.vendors.map((v) => [v.flow, v.transfer]));
  const toggle = (id: string) =>
    setDone((d) => {
      const n = new Set(d);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const scope = data.asked.system ? (dataset.systems.find((s) => s.id === data.asked.system)?.name ?? data.asked.system) : "every system";
  return (
    <div className="page" data-testid="where-view">
      <div className="where-controls">
        <CategoryPicker onPick={(id) => setParams({ category: id, ...(system ? { system } : {}) })} />
        {systemPicker}
      </div>
      <ResultList
        title={`Where ${data.asked.name} lives (${scope})`}
        set={set!}
        rowKey={(r) => r.id}
        renderRow={(r) => r.item}
        testId="where-list"
        summary={`${data.columns.length} columns in ${data.tables.length} tables · ${data.referencing.length} referencing tables · ${data.sources.length} sources · ${data.vendors.length} vendor flows · ${done.size} of ${set!.rows.length} checked`}
        empty={<p className="muted">The inventory names no column holding {data.asked.name} here.</p>}
      >
        {WHERE_GROUPS.map((g) => {
          const rows = set!.rows.filter((r) => r.group === g);
          return (
            <section key={g} className="where-group" aria-label={g}>
              <h3 className="where-group__title">
                {g} <span className="muted">({rows.length})</span>
              </h3>
              {rows.length === 0 ? (
                <p className="muted">none</p>
              ) : (
                <ul className="where-group__rows">
                  {rows.map((r: WhereRow) => (
                    <li key={r.id}>
                      <label className="where-item">
                        <input type="checkbox" checked={done.has(r.id)} onChange={() => toggle(r.id)} />
                        <span>
                          <strong>{r.item}</strong> <span className="muted">{r.system}</span> {g === "Vendors" && vendorStatus.get(r.id) && <TransferBadge transfer={vendorStatus.get(r.id)} />}
                          <br />
                          <span className="row-button__meta">{r.detail}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </ResultList>
    </div>
  );
}
