/** Trace: from a source, table, column, category, subject or system to every vendor and country its data reaches. */
import type { TraceResponse } from "@contract/api";
import { parseNodeId } from "@contract/ids";
import { TRANSFER_WORDS } from "@contract/words";
import { useMemo } from "react";
import { useSearchParams } from "react-router";

import { GraphScreen } from "./GraphScreen";
import { api, reportUrls } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { Empty, ErrorState, Loading } from "../components/States";
import { TransferBadge } from "../components/TransferBadge";
import { activeFilterCount, transferOptions, withoutDataFilters, type FilterOptions } from "../graph/filters";
import { KIND_LOOK } from "../graph/kinds";
import { qualifyAmbiguousColumns, traceElements, type TraceDetail } from "../graph/trace";
import { TRANSFER_ORDER } from "../graph/transfer";
import { traceRows } from "../lib/rows";
import { readFilters, readSystems, withParam } from "../lib/urlState";

/** "2 third country, 1 country not stated": the answer's vendors by transfer status, worst first. */
export function transferSummary(t: TraceResponse): string {
  return TRANSFER_ORDER.map((s) => [s, t.vendors.filter((v) => v.transfer === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${TRANSFER_WORDS[s]}`)
    .join(", ");
}

export function TraceView() {
  const [params, setParams] = useSearchParams();
  const from = params.get("from") ?? "";
  const filters = useMemo(() => readFilters(params), [params]);
  const systems = useMemo(() => readSystems(params), [params]);
  const key = `trace:${from}|${filters.categories.join()}|${filters.vendors.join()}|${filters.countries.join()}|${filters.transfers.join()}|${systems.join()}`;
  const t = useApi<TraceResponse>(from ? key : null, (s) => api.trace(from, filters, s, systems));
  const detail: TraceDetail = params.get("detail") === "columns" ? "columns" : "categories";
  const roots = useMemo(() => [from], [from]);
  const elements = useMemo(() => (t.data ? qualifyAmbiguousColumns(traceElements(t.data, detail)) : null), [t.data, detail]);
  const rows = useMemo(() => (t.data ? traceRows(t.data) : null), [t.data]);
  const serverFilters = useMemo((): Pick<FilterOptions, "categories" | "vendors" | "countries" | "transfers"> | undefined => {
    if (!t.data) return undefined;
    const f = t.data.facets;
    return { categories: f.categories, vendors: f.vendors, countries: f.countries, transfers: transferOptions(f.transfers) };
  }, [t.data]);
  if (!from) return <Empty title="Nothing to trace">Choose a table, column, category or system (search above), then “Trace to vendors”.</Empty>;
  if (t.status === "loading") return <Loading what="the trace" />;
  if (t.status === "error") return <ErrorState error={t.error} onRetry={t.reload} />;
  const kind = parseNodeId(from)?.kind ?? t.data.from.kind;
  const what = `${KIND_LOOK[kind].name.toLowerCase()} ${t.data.from.label}`;
  const filtered = activeFilterCount(filters) > activeFilterCount(withoutDataFilters(filters));
  const of = filtered ? ` (filtered: ${t.data.vendors.length} of ${t.data.totalVendors})` : "";
  const summary = transferSummary(t.data);
  const select = (id: string) => setParams((p) => withParam(p, "node", id), { replace: true });
  return (
    <GraphScreen
      title={`Where data from ${t.data.from.label} goes`}
      subtitle={
        t.data.vendors.length === 0
          ? `No vendor receives personal data downstream of ${what}${filtered ? " with these filters" : ""}.`
          : `Personal data from ${what} reaches ${t.data.vendors.length} vendor${t.data.vendors.length === 1 ? "" : "s"}${of}: ${summary}.`
      }
      elements={elements!}
      serverFilters={serverFilters}
      toolbar={
        <>
          <div className="segmented" role="group" aria-label="Trace detail">
            <button type="button" aria-pressed={detail === "categories"} onClick={() => setParams((p) => withParam(p, "detail", null), { replace: true })} title="Columns → data categories → vendors: how a DPIA states transfers">
              Via categories
            </button>
            <button type="button" aria-pressed={detail === "columns"} onClick={() => setParams((p) => withParam(p, "detail", "columns"), { replace: true })} title="Each column straight to the vendors it is sent to">
              Exact columns
            </button>
          </div>
          <a className="btn btn--secondary btn--sm" href={reportUrls.dpia(from, { ...filters, systems }, "pdf")} target="_blank" rel="noreferrer" title="The DPIA evidence pack of this trace (with these filters) as an A4 PDF: figure, flows, vendors, transfers needing safeguards, evidence">
            Export DPIA pack
          </a>
          <a className="btn btn--secondary btn--sm" href={reportUrls.dpia(from, { ...filters, systems }, "html")} target="_blank" rel="noreferrer" title="The same pack as one self-contained HTML page">
            HTML
          </a>
        </>
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
          summary={`${rows!.rows.length} vendors${of}${summary ? ` · ${summary}` : ""}`}
          empty={
            <Empty title="Nothing downstream">
              {filtered ? "No flow matches these filters." : `No data-flow path leads from ${what} to a vendor. Its data stays inside the system, as far as the inventory says.`}
            </Empty>
          }
          renderRow={(r) => (
            <button type="button" className="row-button" onClick={() => select(r.id)}>
              <span className="row-button__main">
                <KindIcon kind="vendor" /> <strong>{r.vendor}</strong> <TransferBadge transfer={r.transfer} />
              </span>
              <span className="row-button__meta">Countries: {r.countries}</span>
              <span className="row-button__meta">Safeguard: {r.mechanism}</span>
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
