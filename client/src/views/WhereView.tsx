/**
 * Where does this data live: for an access or erasure request about a data subject (or a data category), every table
 * and column holding it with the key that finds the person there and the erasure action the inventory states, the
 * tables referencing them, the sources writing it (grouped by name) and the vendors receiving it with their route, as
 * a checklist whose ticks are kept in the browser (per question), written in its CSV and on its printed page. A large
 * answer is shown from its first page while the pages after it are read; until then the list says how much is read,
 * and Print, Copy and CSV wait for the whole of it.
 */
import type { WhereResponse } from "@contract/api";
import { parseNodeId, parseTableKey } from "@contract/ids";
import { NOT_STATED } from "@contract/words";
import { Printer } from "lucide-react";
import { useMemo } from "react";
import { useSearchParams } from "react-router";

import { choiceLabel, WherePicker } from "./WherePicker";
import { useDataset } from "./context";
import { api } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { ListIncomplete } from "../components/ListIncomplete";
import { ProvenanceList } from "../components/ProvenanceList";
import { ResultList } from "../components/ResultList";
import { Empty, ErrorState, Loading } from "../components/States";
import { TransferBadge } from "../components/TransferBadge";
import { WHERE_GROUPS, whereRows, type WhereRow } from "../lib/rows";
import { ticksKey, useTicks } from "../lib/ticks";

const n = (x: number) => x.toLocaleString("en");

/** "2 of 40 columns, 2 of 12 tables, 5 of 5 referencing tables read": how much of the paged lists is on screen. */
function readSoFar(w: WhereResponse): string {
  return `${n(w.columns.length)} of ${n(w.columnCount)} columns, ${n(w.tables.length)} of ${n(w.tableCount)} tables, ${n(w.referencing.length)} of ${n(w.referencingCount)} referencing tables read`;
}

/** One line of facts under an item: "Identity key: …", in bold when the inventory does not state it. */
function Fact({ name, value }: { name: string; value: string }) {
  if (!value) return null;
  const unknown = value === NOT_STATED || value.endsWith(`: ${NOT_STATED}`);
  return (
    <span className={`where-fact${unknown ? " is-unknown" : ""}`}>
      {name}: {value}
    </span>
  );
}

export function WhereView() {
  const [params, setParams] = useSearchParams();
  const category = params.get("category") ?? undefined;
  const subject = params.get("subject") ?? undefined;
  const system = params.get("system") ?? undefined;
  const dataset = useDataset();
  const systemNames = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const asked = category ?? subject;
  const w = useApi<WhereResponse>(asked ? `where:${asked}|${system ?? ""}` : null, (s, show, shown) => api.where({ category, subject, system }, s, show, shown));
  const { ticks, toggle, clear } = useTicks(asked ? ticksKey(asked, system) : null);
  const set = useMemo(() => (w.data ? whereRows(w.data, ticks) : null), [w.data, ticks]);
  const set_ = (key: string, value: string | null) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (value) n.set(key, value);
      else n.delete(key);
      return n;
    });
  const pick = (id: string, kind: string) => setParams({ [kind === "subject" ? "subject" : "category"]: id, ...(system ? { system } : {}) });
  const active = w.data ? choiceLabel({ label: w.data.asked.name, kind: w.data.asked.kind, system: parseTableKey(parseNodeId(w.data.asked.id)?.key ?? "").system }, systemNames) : "";
  const controls = (
    <div className="where-controls">
      <WherePicker key={`${asked ?? ""}|${active}`} active={active} systems={system ? [system] : []} onPick={(c) => pick(c.id, c.kind)} />
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
    </div>
  );
  if (!asked) {
    return (
      <div className="page where-page">
        <Empty title="Where does this data live?">
          Pick a data subject or a data category: every table (with the key that finds the person there and what an erasure does), referencing table, source and vendor holding it, as a checklist
          for access and erasure requests.
        </Empty>
        {controls}
      </div>
    );
  }
  if (w.status === "loading") return <Loading what="where the data lives" />;
  if (w.status === "error") return <ErrorState error={w.error} onRetry={w.reload} />;
  const data = w.data;
  const vendorStatus = new Map(data.vendors.map((v) => [v.flow, v.transfer]));
  const rows = set!.rows;
  const checked = rows.filter((r) => ticks.has(r.id)).length;
  // Counts are the answer's totals; while only the first pages are read the list says how much of it is on screen, and
  // what must hold every item (Print, Copy, CSV, "N of M checked") waits for the rest or says it is partial.
  const totals: Record<(typeof WHERE_GROUPS)[number], number> = { "Tables & columns": data.tableCount, "Referencing tables": data.referencingCount, Sources: data.sources.length, Vendors: data.vendors.length };
  const total = Object.values(totals).reduce((a, b) => a + b, 0);
  const partial = w.rest !== undefined;
  const incomplete = w.rest ? <ListIncomplete read={readSoFar(data)} rest={w.rest} onRetry={w.reload} testId="where-incomplete" /> : undefined;
  const scope = data.asked.system ? (systemNames.get(data.asked.system) ?? data.asked.system) : "every system";
  return (
    <div className="page where-page" data-testid="where-view">
      {controls}
      <ResultList
        title={`Where ${active} lives (${scope})`}
        set={set!}
        rowKey={(r) => r.id}
        renderRow={(r) => r.item}
        testId="where-list"
        incomplete={incomplete}
        summary={
          <>
            {`${n(data.columnCount)} columns in ${n(data.tableCount)} tables · ${n(data.referencingCount)} referencing tables · ${n(data.sources.length)} sources · ${n(data.vendors.length)} vendor flows · `}
            <span data-testid="where-checked">{partial ? `${n(checked)} checked of the ${n(rows.length)} items read so far (${n(total)} in all)` : `${n(checked)} of ${n(rows.length)} checked`}</span>
          </>
        }
        empty={<p className="muted">The inventory names no column holding {data.asked.name} here.</p>}
      >
        <div className="where-actions">
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => window.print()} disabled={partial} title={partial ? "Print waits for the whole list" : "Print the checklist with its ticks"}>
            <Printer size={14} aria-hidden /> Print
          </button>
          <button type="button" className="btn btn--ghost btn--sm" onClick={clear} disabled={checked === 0}>
            Clear ticks
          </button>
        </div>
        {WHERE_GROUPS.map((g) => {
          const groupRows = rows.filter((r) => r.group === g);
          return (
            <section key={g} className="where-group" aria-label={g}>
              <h3 className="where-group__title">
                {g} <span className="muted">({groupRows.length < totals[g] ? `${n(groupRows.length)} of ${n(totals[g])}` : n(groupRows.length)})</span>
              </h3>
              {groupRows.length === 0 ? (
                <p className="muted">none</p>
              ) : (
                <ul className="where-group__rows">
                  {groupRows.map((r: WhereRow) => (
                    <li key={r.id} className={ticks.has(r.id) ? "is-done" : undefined}>
                      <label className="where-item">
                        <input type="checkbox" checked={ticks.has(r.id)} onChange={() => toggle(r.id)} />
                        <span className="where-item__mark" aria-hidden>
                          {ticks.has(r.id) ? "☑" : "☐"}
                        </span>
                        <span>
                          <strong>{r.item}</strong> <span className="muted">{r.system}</span> {g === "Vendors" && vendorStatus.get(r.id) && <TransferBadge transfer={vendorStatus.get(r.id)} />}
                          <span className="where-facts">
                            <Fact name={g === "Referencing tables" ? "Finds the person by" : "Identity key"} value={r.identity} />
                            <Fact name={g === "Vendors" ? "Keeps it" : "Erasure"} value={g === "Vendors" ? r.action.replace(/^retention: /, "") : r.action} />
                            <Fact name="Route" value={r.route} />
                          </span>
                          <span className="row-button__meta">{r.detail}</span>
                          <ProvenanceList provenance={set!.provenance.get(r.id) ?? []} compact />
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
