/** Trace: from a source, table, column, category, subject or system to every vendor and country its data reaches. */
import type { TraceResponse } from "@contract/api";
import { parseNodeId } from "@contract/ids";
import { TRANSFER_ORDER, TRANSFER_WORDS } from "@contract/words";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

import { GraphScreen } from "./LazyGraphScreen";
import { api, reportUrls } from "../api/endpoints";
import { useApi, type RestState } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ListIncomplete } from "../components/ListIncomplete";
import { ResultList } from "../components/ResultList";
import { Empty, ErrorState, Loading } from "../components/States";
import { TraceDownstreamList } from "../components/TraceDownstreamList";
import { TraceVendorEvidence } from "../components/TraceVendorEvidence";
import { TransferBadge } from "../components/TransferBadge";
import { activeFilterCount, transferOptions, withoutDataFilters, type FilterOptions } from "../graph/filters";
import { KIND_LOOK } from "../graph/kinds";
import { qualifyAmbiguousColumns, traceElements, type TraceDetail } from "../graph/trace";
import { traceEvidenceRows } from "../lib/evidenceRows";
import { traceRows } from "../lib/rows";
import { readFilters, readList, readSystems, readTraceColumns, withListItem, withParam } from "../lib/urlState";

/** "2 third country, 1 country not stated": the answer's vendors by transfer status, worst first. */
export function transferSummary(t: TraceResponse): string {
  return TRANSFER_ORDER.map((s) => [s, t.vendors.filter((v) => v.transfer === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${TRANSFER_WORDS[s]}`)
    .join(", ");
}

/** Whether the answer was collapsed to tables → vendors (never, from a server that does not collapse). */
function collapsedToTables(t: { detail?: "columns" | "tables" }): boolean {
  return t.detail === "tables";
}

/** Above a trace's vendor list while only its first pages are read: how many of the vendors it lists so far. */
function TraceListIncomplete({ listed, total, rest, onRetry }: { listed: number; total: number; rest: RestState; onRetry: () => void }) {
  const read = listed < total ? `${listed} of ${total} vendors read` : `all ${total} vendors read, not yet all of their fields`;
  return <ListIncomplete read={read} rest={rest} onRetry={onRetry} testId="trace-vendors-incomplete" />;
}

export function TraceView() {
  const [params, setParams] = useSearchParams();
  const from = params.get("from") ?? "";
  const filters = useMemo(() => readFilters(params), [params]);
  const systems = useMemo(() => readSystems(params), [params]);
  // The server's drawing: every column, or (a large trace, `auto`) tables → vendors with the tables in `expand` opened.
  const columns = readTraceColumns(params);
  const expand = useMemo(() => readList(params, "expand"), [params]);
  const key = `trace:${from}|${filters.categories.join()}|${filters.vendors.join()}|${filters.countries.join()}|${filters.transfers.join()}|${systems.join()}|${columns}|${expand.join()}`;
  // A change of filters keeps the trace on screen (and the filter menu open) until the filtered answer arrives. A large
  // answer is drawn from its first page (the picture, facets and totals are the whole answer's) while the rest is read.
  const t = useApi<TraceResponse>(from ? key : null, (s, show, shown) => api.trace(from, filters, s, systems, { detail: columns, expand }, show, shown), { keepPreviousOf: `trace:${from}|` });
  // The picture of the flows the answer draws: via data categories (how a DPIA states them) or column → vendor.
  const detail: TraceDetail = params.get("via") === "columns" ? "columns" : "categories";
  // The picture depends on the answer's elements alone: the pages read after the first do not draw it again.
  const picture = t.data?.elements;
  const collapsedTables = useMemo(() => new Set(picture?.nodes.filter((n) => n.data.collapsed).map((n) => n.data.id) ?? []), [picture]);
  // A click on a collapsed table draws its columns (the server's `expand=`); any other node is selected.
  const onOpen = useCallback(
    (id: string) => {
      if (!collapsedTables.has(id)) return false;
      setParams((p) => withParam(withListItem(p, "expand", id), "node", null));
      return true;
    },
    [collapsedTables, setParams],
  );
  const roots = useMemo(() => [from], [from]);
  const elements = useMemo(() => (picture ? qualifyAmbiguousColumns(traceElements(picture, detail)) : null), [picture, detail]);
  const rows = useMemo(() => (t.data ? traceRows(t.data) : null), [t.data]);
  const evidence = useMemo(() => (t.data ? traceEvidenceRows(t.data) : null), [t.data]);
  const facets = t.data?.facets;
  const serverFilters = useMemo((): Pick<FilterOptions, "categories" | "vendors" | "countries" | "transfers"> | undefined => {
    if (!facets) return undefined;
    return { categories: facets.categories, vendors: facets.vendors, countries: facets.countries, transfers: transferOptions(facets.transfers) };
  }, [facets]);
  if (!from) return <Empty title="Nothing to trace">Choose a table, column, category or system (search above), then “Trace to vendors”.</Empty>;
  if (t.status === "loading") return <Loading what="the trace" />;
  if (t.status === "error") return <ErrorState error={t.error} onRetry={t.reload} />;
  const kind = parseNodeId(from)?.kind ?? t.data.from.kind;
  const what = `${KIND_LOOK[kind].name.toLowerCase()} ${t.data.from.label}`;
  const filtered = activeFilterCount(filters) > activeFilterCount(withoutDataFilters(filters));
  // Counts are the answer's totals; what needs every vendor (the statuses' summary, the list's rows, Copy and CSV) waits
  // for the pages after the first, or says it is incomplete.
  const vendorCount = t.data.vendorCount;
  const of = filtered ? ` (filtered: ${vendorCount} of ${t.data.totalVendors})` : "";
  const summary = t.rest ? "" : transferSummary(t.data);
  const incomplete = t.rest ? <TraceListIncomplete listed={t.data.vendors.length} total={vendorCount} rest={t.rest} onRetry={t.reload} /> : undefined;
  const vendorsOf = new Map(t.data.vendors.map((v) => [v.id, v]));
  const select = (id: string) => setParams((p) => withParam(p, "node", id), { replace: true });
  return (
    <GraphScreen
      refreshing={t.refreshing === true}
      title={`Where data from ${t.data.from.label} goes`}
      subtitle={
        vendorCount === 0
          ? `No vendor receives personal data downstream of ${what}${filtered ? " with these filters" : ""}.`
          : `Personal data from ${what} reaches ${vendorCount} vendor${vendorCount === 1 ? "" : "s"}${of}${summary ? `: ${summary}` : ""}.`
      }
      elements={elements!}
      serverFilters={serverFilters}
      toolbar={
        <>
          <div className="segmented" role="group" aria-label="Trace detail">
            <button type="button" aria-pressed={detail === "categories"} onClick={() => setParams((p) => withParam(p, "via", null), { replace: true })} title="Columns → data categories → vendors: how a DPIA states transfers">
              Via categories
            </button>
            <button type="button" aria-pressed={detail === "columns"} onClick={() => setParams((p) => withParam(p, "via", "columns"), { replace: true })} title="Each column straight to the vendors it is sent to">
              Exact columns
            </button>
          </div>
          {collapsedToTables(t.data) && (
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => setParams((p) => withParam(withParam(p, "detail", "columns"), "expand", null))} title="Draw every column instead of tables → vendors (a large trace is collapsed to tables; click a table to open just that one)">
              Show all columns
            </button>
          )}
          {columns === "columns" && (
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => setParams((p) => withParam(p, "detail", null))} title="Let a large trace be drawn as tables → vendors again">
              Collapse to tables
            </button>
          )}
          {columns !== "columns" && expand.length > 0 && (
            <button type="button" className="btn btn--secondary btn--sm" onClick={() => setParams((p) => withParam(p, "expand", null))} title="Close the tables opened on their columns">
              Close tables ({expand.length})
            </button>
          )}
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
      omitted={t.data.omitted}
      truncatedHint="narrow with filters or expand tables"
      onOpen={onOpen}
      detailsExtra={(id) => {
        const vendor = vendorsOf.get(id);
        // A vendor of a page not read yet, or whose fields are not all read: its evidence waits for them.
        if (t.rest && (!vendor || vendor.fieldsNext) && parseNodeId(id)?.kind === "vendor") {
          return t.rest.status === "error" ? <p className="muted" role="alert">This vendor's fields could not be read: {t.rest.error.message}</p> : <p className="muted" role="status">Reading this vendor's fields…</p>;
        }
        return vendor ? <TraceVendorEvidence vendor={vendor.name} rows={evidence!.rows.filter((r) => r.id.startsWith(`${id}|`))} /> : null;
      }}
      results={
        <>
        <ResultList
          title={`Vendors receiving data from ${t.data.from.label}`}
          set={rows!}
          rowKey={(r) => r.id}
          testId="trace-vendors"
          exportSet={evidence!}
          incomplete={incomplete}
          summary={`${vendorCount} vendor${vendorCount === 1 ? "" : "s"}${of}${summary ? ` · ${summary}` : ""}`}
          empty={
            <Empty title={t.data.downstream?.length ? "No vendor downstream" : "Nothing downstream"}>
              {filtered
                ? "No flow matches these filters."
                : `No data-flow path leads from ${what} to a vendor. ${t.data.downstream?.length ? "Where our systems copy its data is listed below." : "Its data stays inside the system, as far as the inventory says."}`}
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
        <TraceDownstreamList downstream={t.data.downstream ?? []} rows={evidence!.rows} />
        </>
      }
    />
  );
}
