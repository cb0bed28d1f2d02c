/**
 * The details panel of the selected node: its properties and neighbour counts, the actions that start from it
 * (referenced by, trace, explore), and for a table its columns grouped by category with purposes and sources.
 */
import type { NodeResponse, TableResponse, VendorResponse } from "@contract/api";
import { parseNodeId, type NodeKind } from "@contract/ids";
import { citations, FIELDS_NOT_STATED, safeguardWords, TRANSFER_WORDS } from "@contract/words";
import { ArrowRightLeft, Network, Route, Waypoints, X } from "lucide-react";
import type { ReactNode } from "react";
import { useEffect, useRef } from "react";
import { Link } from "react-router";

import { KindIcon } from "./KindIcon";
import { ProvenanceList } from "./ProvenanceList";
import { ResultList } from "./ResultList";
import { ErrorState, Loading } from "./States";
import { TransferBadge } from "./TransferBadge";
import { api, reportUrls } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { KIND_LOOK } from "../graph/kinds";
import { exploreLink, referencedByLink, TRACEABLE, traceLink, whereLink } from "../lib/links";
import { groupColumns, tableColumnRows } from "../lib/rows";
import { scopedLink } from "../lib/urlState";


// The links every view builds live in lib/links.ts (the header needs them before any view is loaded).
export { exploreLink, referencedByLink, TRACEABLE, traceLink, whereLink } from "../lib/links";

const HIDDEN_PROPS = new Set(["id", "key", "kind", "name", "search", "position", "system", "table", "title"]);
const PROP_LABELS: Record<string, string> = {
  entityKind: "Entity kind",
  columnKind: "Column kind",
  categoryLabel: "Category (as documented)",
  columnCount: "Columns",
  description: "Description",
  documentTitle: "Source document",
  documentFile: "Document file",
  systemKind: "Hosting",
  legalNames: "Legal names",
  services: "Services",
  address: "Address",
  code: "Country code",
  eea: "In the EEA",
  aliases: "Also called",
  special: "Special category (GDPR art. 9)",
  references: "References",
};

function propText(v: unknown): string {
  if (v === null || v === undefined || v === "") return "";
  if (Array.isArray(v)) return v.map(String).join(", ");
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "object") return JSON.stringify(v);
  return typeof v === "string" ? v : JSON.stringify(v);
}

const NO_FILTERS = { categories: [], vendors: [], countries: [], transfers: [], systems: [] } as const;

export function NodeActions({ id, kind }: { id: string; kind: NodeKind }) {
  const key = parseNodeId(id)?.key ?? id;
  return (
    <div className="actions">
      {kind === "table" && (
        <Link className="btn btn--primary btn--sm" to={referencedByLink(key)} title="Tables that reference this one (R)">
          <ArrowRightLeft size={14} aria-hidden /> Referenced by
        </Link>
      )}
      {TRACEABLE.includes(kind) && (
        <Link className={`btn btn--sm ${kind === "table" ? "btn--secondary" : "btn--primary"}`} to={traceLink(id)} title="Every vendor the data reaches (T)">
          <Route size={14} aria-hidden /> Trace to vendors
        </Link>
      )}
      <Link className="btn btn--secondary btn--sm" to={exploreLink(id)} title="Draw its neighbourhood (E)">
        <Network size={14} aria-hidden /> Explore
      </Link>
      <Link className="btn btn--secondary btn--sm" to={scopedLink(`/paths?from=${encodeURIComponent(id)}`)} title="The shortest data-flow paths from here to another node">
        <Waypoints size={14} aria-hidden /> Paths from here
      </Link>
      {(kind === "category" || kind === "subject") && (
        <Link className="btn btn--secondary btn--sm" to={whereLink(id, kind)} title="Every table, column, referencing table, source and vendor holding it: a checklist for access and erasure requests">
          Where does this live
        </Link>
      )}
      {kind === "system" && (
        <>
          <a className="btn btn--secondary btn--sm" href={reportUrls.dpia(id, NO_FILTERS, "pdf")} target="_blank" rel="noreferrer" title="DPIA evidence pack of this system as an A4 PDF">
            DPIA pack
          </a>
          <a className="btn btn--secondary btn--sm" href={reportUrls.ropa(key, "xlsx")} title="Records of processing (GDPR Art. 30(1), or 30(2) for a processor) of this system, one per processing activity, with a cover and the gaps (XLSX)">
            Records of processing
          </a>
          <a className="btn btn--secondary btn--sm" href={reportUrls.ropa(key, "csv")} title="The same records as CSV">
            CSV
          </a>
        </>
      )}
    </div>
  );
}

/** `children`: what the view knows of the node beyond the graph (a trace: what a vendor receives from its start). */
export function NodeDetails({ id, onClose, onPick, children }: { id: string; onClose: () => void; onPick: (id: string) => void; children?: ReactNode }) {
  const parsed = parseNodeId(id);
  const node = useApi<NodeResponse>(`node:${id}`, (s) => api.node(id, s));
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    // A choice made elsewhere (a search result, a vendor in a list that these details replace) leaves keyboard focus
    // nowhere: bring it here, so keyboard and screen-reader users land on what they chose. Focus that is somewhere
    // (the canvas, a field) stays where it is.
    const active = document.activeElement;
    if (!active || active === document.body) root.current?.focus();
  }, [id]);
  return (
    <section className="details" aria-label={`Details of ${node.data?.node.label ?? parsed?.key ?? id}`} data-testid="details" ref={root} tabIndex={-1}>
      <header className="details__header">
        {parsed && <KindIcon kind={parsed.kind} size={16} />}
        <div className="details__heading">
          <p className="eyebrow">{parsed ? KIND_LOOK[parsed.kind].name : "Node"}</p>
          <h2 className="details__title">{node.data?.node.label ?? parsed?.key ?? id}</h2>
          {node.data?.node.system && <p className="muted">System: {node.data.node.system}</p>}
        </div>
        <button type="button" className="icon-btn" onClick={onClose} aria-label="Close details">
          <X size={16} />
        </button>
      </header>
      {node.status === "loading" && <Loading what="details" />}
      {node.status === "error" && <ErrorState error={node.error} onRetry={node.reload} />}
      {node.status === "ok" && (
        <>
          <NodeActions id={id} kind={node.data.node.kind} />
          <dl className="props">
            {Object.entries(node.data.node.properties)
              .filter(([k, v]) => !HIDDEN_PROPS.has(k) && propText(v) !== "")
              .map(([k, v]) => (
                <div key={k} className="props__row">
                  <dt>{PROP_LABELS[k] ?? k}</dt>
                  <dd>{propText(v)}</dd>
                </div>
              ))}
          </dl>
          {Object.keys(node.data.neighbours).length > 0 && (
            <div className="neighbours">
              <h3 className="section-title">Connected to</h3>
              <ul className="chips">
                {Object.entries(node.data.neighbours)
                  .filter(([, n]) => n > 0)
                  .map(([k, n]) => (
                    <li key={k} className="chip">
                      {k in KIND_LOOK && <KindIcon kind={k as NodeKind} size={11} />} {n} {k in KIND_LOOK ? (n === 1 ? KIND_LOOK[k as NodeKind].name : KIND_LOOK[k as NodeKind].plural).toLowerCase() : k}
                    </li>
                  ))}
              </ul>
            </div>
          )}
          <ProvenanceList provenance={node.data.node.provenance} />
          {node.data.node.kind === "table" && parsed && <TableColumns name={parsed.key} onPick={onPick} />}
          {children}
          {node.data.node.kind === "vendor" && parsed && <VendorFlows id={parsed.key} />}
        </>
      )}
    </section>
  );
}

function TableColumns({ name, onPick }: { name: string; onPick: (id: string) => void }) {
  const t = useApi<TableResponse>(`table-by-name:${name}`, (s) => api.table(name, s));
  if (t.status === "loading") return <Loading what="columns" />;
  if (t.status === "error") return <ErrorState error={t.error} onRetry={t.reload} />;
  const groups = groupColumns(t.data);
  return (
    <ResultList
      title={`Columns of ${name}`}
      set={tableColumnRows(t.data)}
      rowKey={(r) => r.column}
      renderRow={(r) => r.column}
      summary={`${t.data.columns.filter((c) => c.kind === "personal").length} personal of ${t.data.columns.length} columns`}
      testId="table-columns"
    >
      <div className="column-groups">
        {groups.map((g) => (
          <details key={g.key} className="column-group" open={g.personal}>
            <summary>
              {g.personal ? <KindIcon kind="category" size={11} /> : null}
              <span className="column-group__title">{g.title}</span>
              <span className="badge badge--count">{g.columns.length}</span>
            </summary>
            <ul>
              {g.columns.map((c) => (
                <li key={c.name} className="column-row">
                  <button type="button" className="linkish mono" onClick={() => onPick(c.id)}>
                    {c.name}
                  </button>
                  {c.references.length > 0 && <span className="muted"> → {c.references.join(", ")}</span>}
                  {c.purposes.length > 0 && <p className="column-row__meta">Purposes: {c.purposes.join("; ")}</p>}
                  {c.sources.length > 0 && <p className="column-row__meta">Sources: {c.sources.join("; ")}</p>}
                  {c.vendors.length > 0 && <p className="column-row__meta column-row__meta--vendor">Sent to: {c.vendors.join(", ")}</p>}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
      {t.data.sources.length > 0 && (
        <div className="sources">
          <h3 className="section-title">Sources feeding this table</h3>
          <ul>
            {t.data.sources.map((s) => (
              <li key={s.id}>
                <button type="button" className="linkish" onClick={() => onPick(s.id)}>
                  {s.name}
                </button>
                {s.copiesFrom.length > 0 && <span className="muted"> (copies from {s.copiesFrom.join(", ")})</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ResultList>
  );
}

function VendorFlows({ id }: { id: string }) {
  const v = useApi<VendorResponse>(`vendor-flows:${id}`, (s) => api.vendor(id, s));
  if (v.status === "loading") return <Loading what="vendor flows" />;
  if (v.status === "error") return <ErrorState error={v.error} onRetry={v.reload} />;
  return (
    <div className="vendor-flows">
      <h3 className="section-title">
        What {v.data.vendor.name} receives <TransferBadge transfer={v.data.vendor.transfer} />
      </h3>
      <ul>
        {v.data.flows.map((f, i) => (
          <li key={i} className="flow">
            <p className="flow__title">
              {f.systemName}
              {f.service ? ` · ${f.service}` : ""} <TransferBadge transfer={f.transfer} />
            </p>
            <p className="column-row__meta">Safeguard: {safeguardWords(f.mechanism)}</p>
            <p className="column-row__meta">Purpose: {f.purpose}</p>
            {f.legalName && <p className="column-row__meta">Contracting entity: {f.legalName}</p>}
            {f.entityCountry && (
              <p className="column-row__meta">
                Legal entity: {f.entityCountry.name}
              </p>
            )}
            {f.address && <p className="column-row__meta">Registered office: {f.address}</p>}
            {!f.entityCountry && <p className="column-row__meta">Legal entity: {TRANSFER_WORDS["not-stated"]}</p>}
            <p className="column-row__meta">Data stored in: {f.dataCountries.length > 0 ? f.dataCountries.map((c) => c.name).join(", ") : TRANSFER_WORDS["not-stated"]}</p>
            {f.retention && <p className="column-row__meta">Retention: {f.retention}</p>}
            {f.fields === "not-stated" ? (
              <p className="column-row__meta">Receives: {FIELDS_NOT_STATED}</p>
            ) : (
              <p className="column-row__meta mono-list">Receives: {f.receives.map((r) => `${r.table}.${r.column}`).join(", ")}</p>
            )}
            {f.sendsBack.length > 0 && <p className="column-row__meta mono-list">Sends back: {f.sendsBack.map((r) => `${r.table}.${r.column}`).join(", ")}</p>}
            <p className="column-row__meta">Stated at: {citations(f.provenance) || "not recorded"}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
