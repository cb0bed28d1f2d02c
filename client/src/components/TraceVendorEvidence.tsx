/** In a trace, what the selected vendor receives from this start: each field with the path that reaches it and where each step is stated. */
import type { EvidenceRow } from "../lib/evidenceRows";

export function TraceVendorEvidence({ vendor, rows }: { vendor: string; rows: EvidenceRow[] }) {
  return (
    <div className="vendor-flows" data-testid="trace-vendor-evidence">
      <h3 className="section-title">
        What {vendor} receives in this trace
      </h3>
      <ul>
        {rows.map((r) => (
          <li key={r.id} className="flow">
            <p className="flow__title mono-list">
              {r.field}
              {r.category ? <span className="muted"> · {r.category}</span> : null}
            </p>
            <p className="column-row__meta">Path: {r.path}</p>
            {r.copiedBy && <p className="column-row__meta">Copied by: {r.copiedBy}</p>}
            <ol className="column-row__meta provenance-steps" aria-label={`Where each step to ${vendor} is stated`}>
              {r.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </div>
  );
}
