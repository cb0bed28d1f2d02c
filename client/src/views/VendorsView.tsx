/** Every vendor in the inventory: who uses it, where it sits and stores data, how many fields it receives. */
import type { VendorsResponse } from "@contract/api";
import { FIELDS_NOT_STATED } from "@contract/words";
import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";

import { useDataset } from "./context";
import { api, reportUrls } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { ErrorState, Loading } from "../components/States";
import { TransferBadge } from "../components/TransferBadge";
import { vendorListRows } from "../lib/rows";
import { keepSystems, readSystems } from "../lib/urlState";

export function VendorsView() {
  const [params] = useSearchParams();
  const systems = useMemo(() => readSystems(params), [params]);
  const v = useApi<VendorsResponse>(`vendors|${systems.join()}`, (s) => api.vendors(s, systems));
  // Later pages, fetched when the user asks for them (a large estate has more vendors than one page holds).
  const [later, setLater] = useState<{ of: VendorsResponse; pages: VendorsResponse[] } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  useEffect(() => setLater(null), [v.data]);
  const pages = useMemo(() => (v.data ? [v.data, ...(later?.of === v.data ? later.pages : [])] : []), [v.data, later]);
  const last = pages[pages.length - 1];
  const loaded = useMemo<VendorsResponse | null>(() => (last ? { page: last.page, vendors: pages.flatMap((p) => p.vendors) } : null), [pages, last]);
  const showMore = () => {
    if (!v.data || !last?.page.next) return;
    const first = v.data;
    setLoadingMore(true);
    setMoreError(null);
    void api
      .vendors(undefined, systems, last.page.next)
      .then((next) => setLater((prev) => ({ of: first, pages: [...(prev?.of === first ? prev.pages : []), next] })))
      .catch((err: unknown) => setMoreError(err instanceof Error ? err.message : String(err)))
      .finally(() => setLoadingMore(false));
  };
  const dataset = useDataset();
  const systemNames = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const set = useMemo(() => (loaded ? vendorListRows(loaded, systemNames) : null), [loaded, systemNames]);
  if (v.status === "loading") return <Loading what="vendors" />;
  if (v.status === "error") return <ErrorState error={v.error} onRetry={v.reload} />;
  return (
    <div className="page">
      <p className="page-actions">
        Records of processing (GDPR Art. 30(1) and 30(2)), one per processing activity, with the gaps, every system:{" "}
        <a className="btn btn--secondary btn--sm" href={reportUrls.ropa(null, "xlsx")}>
          XLSX
        </a>{" "}
        <a className="btn btn--secondary btn--sm" href={reportUrls.ropa(null, "csv")}>
          CSV
        </a>{" "}
        <a className="btn btn--secondary btn--sm" href={reportUrls.ropa(null, "md")}>
          Markdown
        </a>
      </p>
      <ResultList
        title="Vendors"
        set={set!}
        rowKey={(r) => r.id}
        testId="vendors-list"
        summary={`${loaded!.vendors.length < loaded!.page.total ? `Showing ${loaded!.vendors.length.toLocaleString("en")} of ${loaded!.page.total.toLocaleString("en")} vendors (of those shown: ` : `${loaded!.vendors.length} vendors, `}${set!.rows.length} engagements · ${set!.rows.filter((r) => r.transfer === "third-country").length} third country · ${set!.rows.filter((r) => r.transfer === "not-stated").length} country not stated${loaded!.vendors.length < loaded!.page.total ? ")" : ""}`}
        renderRow={(r) => (
          <div className="vendor-row">
            <span className="row-button__main">
              <KindIcon kind="vendor" /> <strong>{r.vendor}</strong> <TransferBadge transfer={r.transfer} />
            </span>
            <span className="row-button__meta">{r.services.join(", ")}</span>
            <span className="row-button__meta">
              {r.system} · {r.fields === 0 ? FIELDS_NOT_STATED : `${r.fields} field${r.fields === 1 ? "" : "s"}`} · {r.countries.join(", ")} · Safeguard: {r.mechanism}
            </span>
            <span className="vendor-row__links">
              <Link to={keepSystems(`/explore?focus=${encodeURIComponent(r.vendorId)}&node=${encodeURIComponent(r.vendorId)}`, `?${params.toString()}`)}>Show on graph</Link>
            </span>
          </div>
        )}
      />
      {last?.page.next && (
        <p className="page-actions">
          <button type="button" className="btn btn--secondary btn--sm" onClick={showMore} disabled={loadingMore}>
            {loadingMore ? "Loading…" : `Show the next ${Math.min(last.page.limit, loaded!.page.total - set!.rows.length).toLocaleString("en")} vendors`}
          </button>{" "}
          {moreError && <span className="muted small">The next page did not load: {moreError}</span>}
        </p>
      )}
    </div>
  );
}
