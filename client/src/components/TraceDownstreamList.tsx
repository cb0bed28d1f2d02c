/**
 * In a trace, where the start's data lands inside our own systems (vendor or not): each column a copy carries it into,
 * with the path, the copies on it and where each step is stated, observed or inferred. Not a vendor flow.
 */
import type { TraceDownstream } from "@contract/api";

import type { EvidenceRow } from "../lib/evidenceRows";

const MAPPING_WORDS: Record<TraceDownstream["mapping"], string> = {
  stated: "column copies stated",
  "category-scoped": "category-scoped copy: columns not stated, landing inferred by category",
};

export function TraceDownstreamList({ downstream, rows }: { downstream: readonly TraceDownstream[]; rows: readonly EvidenceRow[] }) {
  if (downstream.length === 0) return null;
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const systems = new Set(downstream.map((d) => d.system));
  return (
    <section className="result-list vendor-flows" aria-label="Copied into (our systems)" data-testid="trace-downstream">
      <header className="result-list__header">
        <div>
          <h2 className="result-list__title">Copied into (our systems)</h2>
          <p className="result-list__summary">
            {downstream.length} column{downstream.length === 1 ? "" : "s"} in {systems.size} system{systems.size === 1 ? "" : "s"} · not vendor flows · in the CSV above
          </p>
        </div>
      </header>
      <ul>
        {downstream.map((d) => {
          const r = rowOf.get(`downstream|${d.column}`);
          return (
            <li key={d.column} className="flow">
              <p className="flow__title mono-list">
                {d.table}.{d.name}
                <span className="muted">
                  {" "}
                  · {d.system}
                  {d.category ? ` · ${d.category}` : ""}
                </span>
              </p>
              <p className="column-row__meta">{MAPPING_WORDS[d.mapping]}</p>
              {r && <p className="column-row__meta">Path: {r.path}</p>}
              {r?.copiedBy && <p className="column-row__meta">Copied by: {r.copiedBy}</p>}
              {r && (
                <ol className="column-row__meta provenance-steps" aria-label={`Where each step to ${d.table}.${d.name} is stated`}>
                  {r.steps.map((s, i) => (
                    <li key={i}>{s}</li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
