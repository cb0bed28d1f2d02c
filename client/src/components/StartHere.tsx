/**
 * The home page's three jobs, each one step from the start: trace a system's data to every vendor, ask which tables
 * reference a table, and take a system's DPIA evidence pack. No node has to be selected first.
 */
import type { SearchResponse } from "@contract/api";
import { ArrowRightLeft, FileText, Route } from "lucide-react";
import { useState } from "react";
import { Link, useNavigate } from "react-router";

import { api } from "../api/endpoints";
import { useApi } from "../api/useApi";
import { referencedByLink, traceLink } from "../lib/links";

export function StartHere({ systems }: { systems: { id: string; name: string }[] }) {
  const [system, setSystem] = useState(systems[0]?.id ?? "");
  const [table, setTable] = useState("");
  const navigate = useNavigate();
  // Tables are looked up in the search index as the user types, never listed whole (an estate has tens of thousands).
  const typed = table.trim();
  const found = useApi<SearchResponse>(typed.length >= 2 ? `start-tables|${typed}` : null, (s) => api.search(typed.replace(/^[^/]*\//, ""), { kind: "table", limit: 20 }, s));
  const known = found.status === "ok" ? found.data.results.map((r) => ({ id: r.id, name: r.label, system: r.system ?? "", systemName: systems.find((x) => x.id === `system:${r.system ?? ""}`)?.name ?? r.system ?? "" })) : [];
  const match = known.find((t) => t.name === typed || `${t.system}/${t.name}` === typed);
  const systemId = systems.find((s) => s.id === system)?.id ?? "";
  // Enter opens the table's "referenced by" view: the one found, or the name as typed (the view says when several
  // systems have that table, and offers the closest names when none has).
  const open = () => {
    if (match) void navigate(referencedByLink(`${match.system}/${match.name}`));
    else if (typed) void navigate(referencedByLink(typed));
  };
  return (
    <section className="start-here" aria-label="Start here">
      <h2 className="result-list__title">Start here</h2>
      <label className="start-here__row">
        <span>System</span>
        <select
          value={system}
          onChange={(e) => setSystem(e.target.value)}
          aria-label="System for the trace and the DPIA pack"
          // Enter in the box does what its first action says: trace the system to every vendor.
          onKeyDown={(e) => {
            if (e.key === "Enter" && systemId) {
              e.preventDefault();
              void navigate(traceLink(systemId));
            }
          }}
        >
          {systems.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <div className="start-here__actions">
        <Link className="btn btn--primary btn--sm" to={traceLink(systemId)} aria-disabled={!systemId}>
          <Route size={14} aria-hidden /> Trace to every vendor
        </Link>
        <a className="btn btn--secondary btn--sm" href={`/api/reports/dpia?from=${encodeURIComponent(systemId)}&format=pdf`} target="_blank" rel="noreferrer">
          <FileText size={14} aria-hidden /> DPIA pack (PDF)
        </a>
      </div>
      <form
        className="start-here__row"
        onSubmit={(e) => {
          e.preventDefault();
          open();
        }}
      >
        <label htmlFor="start-here-table">Table</label>
        <input id="start-here-table" list="start-here-tables" value={table} onChange={(e) => setTable(e.target.value)} placeholder="e.g. CMS_User" aria-label="Table for “referenced by”" enterKeyHint="go"
          // Chromium's suggestion list can keep Enter from submitting the form: act on the key itself too.
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.nativeEvent.isComposing) {
              e.preventDefault();
              open();
            }
          }}
        />
        <datalist id="start-here-tables">
          {known.map((t) => (
            <option key={t.id} value={known.filter((x) => x.name === t.name).length > 1 ? `${t.system}/${t.name}` : t.name}>
              {t.systemName}
            </option>
          ))}
        </datalist>
      </form>
      <div className="start-here__actions">
        {match ? (
          <Link className="btn btn--secondary btn--sm" to={referencedByLink(`${match.system}/${match.name}`)}>
            <ArrowRightLeft size={14} aria-hidden /> Which tables reference {match.name}
          </Link>
        ) : (
          <span className="muted small">Type a table name to see which tables reference it.</span>
        )}
      </div>
    </section>
  );
}
