/** Landing: the system-level picture, systems → vendors → countries, with the vendors listed beside it. */
import type { Elements, OverviewResponse } from "@contract/api";
import { TRANSFER_ORDER, TRANSFER_WORDS } from "@contract/words";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { GraphScreen } from "./LazyGraphScreen";
import { overviewCaption } from "./OverviewView.caption";
import { api, type OverviewGroup } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { StartHere } from "../components/StartHere";
import { ErrorState, Loading } from "../components/States";
import { TransferBadge } from "../components/TransferBadge";
import { overviewRows, type FlowRow, type RowSet } from "../lib/rows";
import { readGroup, readList, readSystems, withListItem, withParam } from "../lib/urlState";


/** "2 third country, 5 country not stated": the drawn vendors by transfer status, worst first. */
function transferSummary(rows: RowSet<FlowRow>): string {
  return TRANSFER_ORDER.map((s) => [s, rows.rows.filter((r) => r.transfer === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${TRANSFER_WORDS[s]}`)
    .join(", ");
}

/** The grouping buttons: what each draws. */
const GROUPINGS: { value: Exclude<OverviewGroup, "auto">; label: string; title: string }[] = [
  { value: "none", label: "Each vendor", title: "Every vendor drawn as its own node" },
  { value: "transfer", label: "By transfer status", title: "Vendors grouped by their flows' transfer status; click a group to show its vendors" },
  { value: "country", label: "By country", title: "Vendors grouped by the countries they sit or store data in; click a group to show its vendors" },
];

/** How the answer drew its vendors (`none` from a server that does not group). */
function drawnGrouping(o: { grouping?: Exclude<OverviewGroup, "auto"> }): Exclude<OverviewGroup, "auto"> {
  return o.grouping ?? "none";
}

export function OverviewView() {
  const [params, setParams] = useSearchParams();
  // The data set picked in the header; the server draws only those systems and their vendors.
  const systems = useMemo(() => readSystems(params), [params]);
  const group = readGroup(params);
  const expand = useMemo(() => readList(params, "expand"), [params]);
  const key = `overview|${systems.join()}|${group}|${expand.join()}`;
  const o = useApi<OverviewResponse>(key, (s) => api.overview(s, systems, { group, expand }));
  const roots = useMemo(() => o.data?.systems.map((s) => s.id) ?? [], [o.data]);
  const groups = useMemo(() => new Set(o.data?.elements.nodes.filter((n) => n.data.group).map((n) => n.data.id) ?? []), [o.data]);
  // A click on a group draws its vendors instead (the server's `expand=`); any other node is selected.
  const onOpen = useCallback(
    (id: string) => {
      if (!groups.has(id)) return false;
      setParams((p) => withParam(withListItem(p, "expand", id), "node", null));
      return true;
    },
    [groups, setParams],
  );
  if (o.status === "loading") return <Loading what="the overview" />;
  if (o.status === "error") return <ErrorState error={o.error} onRetry={o.reload} />;
  // The subtitle and the list describe what is drawn, filters included.
  const rowsOf = (shown: Elements) => overviewRows(o.data, shown);
  return (
    <GraphScreen
      title="Overview: systems → vendors → countries"
      subtitle={(shown) => {
        const rows = rowsOf(shown);
        return overviewCaption(shown, rows.rows.length, transferSummary(rows));
      }}
      elements={o.data.elements}
      roots={roots}
      lanes
      onOpen={onOpen}
      truncated={o.data.truncated}
      omitted={o.data.omitted}
      truncatedHint="pick fewer systems in the header, or group the vendors"
      toolbar={
        <>
          <div className="segmented" role="group" aria-label="Vendors drawn">
            {GROUPINGS.map((g) => (
              <button
                key={g.value}
                type="button"
                aria-pressed={drawnGrouping(o.data) === g.value}
                title={g.title}
                onClick={() => setParams((p) => withParam(withParam(p, "group", g.value), "expand", null))}
              >
                {g.label}
              </button>
            ))}
          </div>
          {expand.length > 0 && (
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => setParams((p) => withParam(p, "expand", null))} title="Draw every group as one node again">
              Regroup ({expand.length})
            </button>
          )}
        </>
      }
      results={(shown) => (
        <>
          <StartHere systems={o.data.systems} />
          <section className="systems" aria-label="Systems">
            <h2 className="result-list__title">Systems</h2>
            <ul className="system-cards">
              {o.data.systems.map((s) => (
                <li key={s.id}>
                  <button type="button" className="system-card" onClick={() => setParams((p) => withParam(p, "node", s.id), { replace: true })}>
                    <KindIcon kind="system" />
                    <span className="system-card__name">{s.name}</span>
                    <span className="system-card__meta">
                      {s.tables} tables · {s.vendors} vendors
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <ResultList
            title="Vendors"
            set={rowsOf(shown)}
            rowKey={(r) => r.id}
            testId="overview-vendors"
            renderRow={(r) => (
              <button type="button" className="row-button" onClick={() => setParams((p) => withParam(p, "node", r.id), { replace: true })}>
                <span className="row-button__main">
                  <KindIcon kind="vendor" /> <strong>{r.vendor}</strong> <TransferBadge transfer={r.transfer} />
                </span>
                <span className="row-button__meta">Used by {r.systems.join(", ") || "—"}</span>
                <span className="row-button__meta">Countries: {r.countries.join(", ")}</span>
                <span className="row-button__meta">Safeguard: {r.mechanism}</span>
              </button>
            )}
          />
        </>
      )}
    />
  );
}
