/** Landing: the system-level picture, systems → vendors → countries, with the vendors listed beside it. */
import type { OverviewResponse } from "@contract/api";
import { useMemo } from "react";
import { useSearchParams } from "react-router";

import { GraphScreen } from "./GraphScreen";
import { api } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { EeaBadge } from "../components/EeaBadge";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { ErrorState, Loading } from "../components/States";
import { overviewRows } from "../lib/rows";
import { withParam } from "../lib/urlState";


/** The overview names systems by id or by node id; the graph needs node ids. */
const systemNodeId = (id: string) => (id.startsWith("system:") ? id : `system:${id}`);

export function OverviewView() {
  const o = useApi<OverviewResponse>("overview", (s) => api.overview(s));
  const [, setParams] = useSearchParams();
  const roots = useMemo(() => o.data?.systems.map((s) => systemNodeId(s.id)) ?? [], [o.data]);
  const rows = useMemo(() => (o.data ? overviewRows(o.data) : null), [o.data]);
  if (o.status === "loading") return <Loading what="the overview" />;
  if (o.status === "error") return <ErrorState error={o.error} onRetry={o.reload} />;
  const outside = rows!.rows.filter((r) => r.outsideEea).length;
  return (
    <GraphScreen
      title="Overview: systems → vendors → countries"
      subtitle={`${o.data.systems.length} systems share personal data with ${rows!.rows.length} vendors${outside ? `, ${outside} of them outside the EEA` : ""}.`}
      elements={o.data.elements}
      roots={roots}
      lanes
      results={
        <>
          <section className="systems" aria-label="Systems">
            <h2 className="result-list__title">Systems</h2>
            <ul className="system-cards">
              {o.data.systems.map((s) => (
                <li key={s.id}>
                  <button type="button" className="system-card" onClick={() => setParams((p) => withParam(p, "node", systemNodeId(s.id)), { replace: true })}>
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
            set={rows!}
            rowKey={(r) => r.id}
            testId="overview-vendors"
            renderRow={(r) => (
              <button type="button" className="row-button" onClick={() => setParams((p) => withParam(p, "node", r.id), { replace: true })}>
                <span className="row-button__main">
                  <KindIcon kind="vendor" /> <strong>{r.vendor}</strong> <EeaBadge outside={r.outsideEea} />
                </span>
                <span className="row-button__meta">Used by {r.systems.join(", ") || "—"}</span>
                {r.countries.length > 0 && <span className="row-button__meta">Countries: {r.countries.join(", ")}</span>}
              </button>
            )}
          />
        </>
      }
    />
  );
}
