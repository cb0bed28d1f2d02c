/** Every vendor in the inventory: who uses it, where it sits and stores data, how many fields it receives. */
import type { VendorsResponse } from "@contract/api";
import { useMemo } from "react";
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
  const dataset = useDataset();
  const systemNames = useMemo(() => new Map(dataset.systems.map((s) => [s.id, s.name])), [dataset]);
  const set = useMemo(() => (v.data ? vendorListRows(v.data, systemNames) : null), [v.data, systemNames]);
  if (v.status === "loading") return <Loading what="vendors" />;
  if (v.status === "error") return <ErrorState error={v.error} onRetry={v.reload} />;
  return (
    <div className="page">
      <p className="page-actions">
        Records of processing (GDPR Art. 30), one row per purpose, every system:{" "}
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
        summary={`${set!.rows.length} vendors · ${set!.rows.filter((r) => r.transfer === "third-country").length} third country · ${set!.rows.filter((r) => r.transfer === "not-stated").length} country not stated`}
        renderRow={(r) => (
          <div className="vendor-row">
            <span className="row-button__main">
              <KindIcon kind="vendor" /> <strong>{r.vendor}</strong> <TransferBadge transfer={r.transfer} />
            </span>
            <span className="row-button__meta">{r.services.join(", ")}</span>
            <span className="row-button__meta">
              {r.systems.join(", ")} · {r.fields} field{r.fields === 1 ? "" : "s"} · {r.countries.join(", ")} · Safeguard: {r.mechanism}
            </span>
            <span className="vendor-row__links">
              <Link to={keepSystems(`/explore?focus=${encodeURIComponent(r.id)}&node=${encodeURIComponent(r.id)}`, `?${params.toString()}`)}>Show on graph</Link>
            </span>
          </div>
        )}
      />
    </div>
  );
}
