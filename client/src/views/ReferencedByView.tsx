/** "Which tables reference CMS_User?": the referencing tables, with the referencing columns on the edges. */
import type { ReferencedByResponse } from "@contract/api";
import { useMemo } from "react";
import { useParams, useSearchParams } from "react-router";

import { GraphScreen } from "./LazyGraphScreen";
import { api } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { Empty, ErrorState, Loading } from "../components/States";
import { referencedByRows } from "../lib/rows";
import { withParam } from "../lib/urlState";


export function ReferencedByView() {
  const params = useParams();
  // `/tables/CMS_User/…` (a unique name) or `/tables/kentico/CMS_User/…`.
  const name = params.system ? `${params.system}/${params.name ?? ""}` : (params.name ?? "");
  const [, setParams] = useSearchParams();
  const r = useApi<ReferencedByResponse>(`refby:${name}`, (s) => api.referencedBy(name, s));
  const roots = useMemo(() => (r.data ? [r.data.id] : []), [r.data]);
  const rows = useMemo(() => (r.data ? referencedByRows(r.data) : null), [r.data]);
  if (r.status === "loading") return <Loading what={`the tables that reference ${name}`} />;
  if (r.status === "error") return <ErrorState error={r.error} onRetry={r.reload} />;
  const n = rows!.rows.length;
  const columns = rows!.rows.reduce((s, x) => s + x.columns.length, 0);
  return (
    <GraphScreen
      title={`Tables that reference ${name}`}
      subtitle={n ? `${n} tables reference ${name} through ${columns} columns (labels on the links).` : `No table references ${name}.`}
      elements={r.data.elements}
      roots={roots}
      lanes={false}
      edgeLabels
      results={
        <ResultList
          title={`Referencing ${name}`}
          set={rows!}
          rowKey={(x) => x.id}
          testId="referenced-by-list"
          summary={`${n} tables · ${columns} columns`}
          empty={<Empty title="Nothing references this table">No other table points at {name} in the inventory.</Empty>}
          renderRow={(x) => (
            <button type="button" className="row-button" onClick={() => setParams((p) => withParam(p, "node", x.id), { replace: true })}>
              <span className="row-button__main">
                <KindIcon kind="table" /> <strong className="mono" data-testid="referencing-table">{x.table}</strong>
                {x.title && <span className="muted"> {x.title}</span>}
              </span>
              <span className="row-button__meta mono-list">{x.columns.join(", ")}</span>
            </button>
          )}
        />
      }
    />
  );
}
