/** Trace: from a source, table, column, category, subject or system to every vendor and country its data reaches. */
import type { TraceResponse } from "@contract/api";
import { parseNodeId } from "@contract/ids";
import { useMemo } from "react";
import { useSearchParams } from "react-router";

import { GraphScreen } from "./GraphScreen";
import { api } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { EeaBadge } from "../components/EeaBadge";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { Empty, ErrorState, Loading } from "../components/States";
import { KIND_LOOK } from "../graph/kinds";
import { qualifyAmbiguousColumns, traceElements, type TraceDetail } from "../graph/trace";
import { traceRows } from "../lib/rows";
import { withParam } from "../lib/urlState";


export function TraceView() {
  const [params, setParams] = useSearchParams();
  const from = params.get("from") ?? "";
  const t = useApi<TraceResponse>(from ? `trace:${from}` : null, (s) => api.trace(from, s));
  const detail: TraceDetail = params.get("detail") === "columns" ? "columns" : "categories";
  const roots = useMemo(() => [from], [from]);
  const elements = useMemo(() => (t.data ? qualifyAmbiguousColumns(traceElements(t.data, detail)) : null), [t.data, detail]);
  const rows = useMemo(() => (t.data ? traceRows(t.data) : null), [t.data]);
  if (!from) return <Empty title="Nothing to trace">Choose a table, column, category or system (search above), then “Trace to vendors”.</Empty>;
  if (t.status === "loading") return <Loading what="the trace" />;
  if (t.status === "error") return <ErrorState error={t.error} onRetry={t.reload} />;
  const kind = parseNodeId(from)?.kind ?? t.data.from.kind;
  const what = `${KIND_LOOK[kind].name.toLowerCase()} ${t.data.from.label}`;
  const outside = rows!.rows.filter((r) => r.outsideEea).length;
  const select = (id: string) => setParams((p) => withParam(p, "node", id), { replace: true });
  return (
    <GraphScreen
      title={`Where data from ${t.data.from.label} goes`}
      subtitle={
        t.data.vendors.length === 0
          ? `No vendor receives personal data downstream of ${what}.`
          : `Personal data from ${what} reaches ${t.data.vendors.length} vendor${t.data.vendors.length === 1 ? "" : "s"}${outside ? `, ${outside} outside the EEA` : ""}.`
      }
      elements={elements!}
      toolbar={
        <div className="segmented" role="group" aria-label="Trace detail">
          <button type="button" aria-pressed={detail === "categories"} onClick={() => setParams((p) => withParam(p, "detail", null), { replace: true })} title="Columns → data categories → vendors: how a DPIA states transfers">
            Via categories
          </button>
          <button type="button" aria-pressed={detail === "columns"} onClick={() => setParams((p) => withParam(p, "detail", "columns"), { replace: true })} title="Each column straight to the vendors it is sent to">
            Exact columns
          </button>
        </div>
      }
      roots={roots}
      lanes
      truncated={t.data.truncated}
      results={
        <ResultList
          title={`Vendors receiving data from ${t.data.from.label}`}
          set={rows!}
          rowKey={(r) => r.id}
          testId="trace-vendors"
          summary={`${rows!.rows.length} vendors · ${outside} outside the EEA`}
          empty={
            <Empty title="Nothing downstream">
              No data-flow path leads from {what} to a vendor. Its data stays inside the system, as far as the inventory says.
            </Empty>
          }
          renderRow={(r) => (
            <button type="button" className="row-button" onClick={() => select(r.id)}>
              <span className="row-button__main">
                <KindIcon kind="vendor" /> <strong>{r.vendor}</strong> <EeaBadge outside={r.outsideEea} />
              </span>
              {r.countries && <span className="row-button__meta">{r.countries}</span>}
              <span className="row-button__meta">
                {r.fields} field{r.fields === 1 ? "" : "s"}: {r.categories.join(", ") || "no category"}
              </span>
              {r.purposes.length > 0 && <span className="row-button__meta muted">Purpose: {r.purposes.join("; ")}</span>}
            </button>
          )}
        />
      }
    />
  );
}
