/** Where a fact is stated (file, line, document and section), or how it is inferred: the citations a DPO checks. */
import type { Provenance } from "@contract/api";
import { citation } from "@contract/words";

/** Past this many citations (a vendor many flows name), the rest are counted, not listed. */
const SHOWN = 12;

/**
 * The details panel's section, or (`compact`) one line of the same citations under an item of a list (the where
 * checklist), with fewer shown before the rest are counted.
 */
export function ProvenanceList({ provenance, title = "Where it is stated", compact = false }: { provenance: readonly Provenance[]; title?: string; compact?: boolean }) {
  if (compact) {
    const shown = provenance.slice(0, 3);
    return (
      <span className="provenance provenance--compact" data-testid="provenance">
        {title}:{" "}
        {provenance.length === 0 ? (
          <span className="muted">no provenance recorded</span>
        ) : (
          shown.map((p, i) => (
            <span key={i} className={`provenance__item provenance__item--${p.kind}`}>
              {i > 0 && "; "}
              {citation(p)}
            </span>
          ))
        )}
        {provenance.length > shown.length && <span className="muted">{` and ${provenance.length - shown.length} more`}</span>}
      </span>
    );
  }
  const shown = provenance.slice(0, SHOWN);
  return (
    <div className="provenance" data-testid="provenance">
      <h3 className="section-title">{title}</h3>
      {provenance.length === 0 ? (
        <p className="muted">No provenance recorded (loaded before provenance was kept, or built in memory).</p>
      ) : (
        <ul className="provenance__list">
          {shown.map((p, i) => (
            <li key={i} className={`provenance__item provenance__item--${p.kind}`}>
              {citation(p)}
            </li>
          ))}
          {provenance.length > SHOWN && <li className="muted">and {provenance.length - SHOWN} more</li>}
        </ul>
      )}
    </div>
  );
}
