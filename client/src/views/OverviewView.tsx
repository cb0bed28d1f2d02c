/** Landing: the system-level picture, systems → vendors → countries, with the vendors listed beside it. */
import type { Elements, OverviewResponse } from "@contract/api";
import { TRANSFER_WORDS } from "@contract/words";
import { useMemo } from "react";
import { useSearchParams } from "react-router";

import { GraphScreen } from "./GraphScreen";
import { api } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { StartHere } from "../components/StartHere";
import { ErrorState, Loading } from "../components/States";
import { TransferBadge } from "../components/TransferBadge";
import { TRANSFER_ORDER } from "../graph/transfer";
import { overviewRows, type FlowRow, type RowSet } from "../lib/rows";
import { readSystems, withParam } from "../lib/urlState";


/** "2 third country, 5 country not stated": the drawn vendors by transfer status, worst first. */
function transferSummary(rows: RowSet<FlowRow>): string {
  return TRANSFER_ORDER.map((s) => [s, rows.rows.filter((r) => r.transfer === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${TRANSFER_WORDS[s]}`)
    .join(", ");
}

export function OverviewView() {
  const [params, setParams] = useSearchParams();
  // The data set picked in the header; the server draws only those systems and their vendors.
  const systems = useMemo(() => readSystems(params), [params]);
  const o = useApi<OverviewResponse>(systems.length ? `overview|${systems.join()}` : "overview", (s) => api.overview(s, systems));
  const roots = useMemo(() => o.data?.systems.map((s) => s.id) ?? [], [o.data]);
  if (o.status === "loading") return <Loading what="the overview" />;
  if (o.status === "error") return <ErrorState error={o.error} onRetry={o.reload} />;
  // The subtitle and the list describe what is drawn, filters included.
  const rowsOf = (shown: Elements) => overviewRows(o.data, shown);
  return (
    <GraphScreen
      title="Overview: systems → vendors → countries"
      subtitle={(shown) => {
        const rows = rowsOf(shown);
        const systems = shown.nodes.filter((n) => n.data.kind === "system").length;
        return `${systems} systems share personal data with ${rows.rows.length} vendors: ${transferSummary(rows)}.`;
      }}
      elements={o.data.elements}
      roots={roots}
      lanes
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
