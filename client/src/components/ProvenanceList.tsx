/** Where a fact is stated (file, line, document and section), or how it is inferred: the citations a DPO checks. */
import type { Provenance } from "@contract/api";
import { citation } from "@contract/words";

/** Past this many citations (a vendor many flows name), the rest are counted, not listed. */
const SHOWN = 12;

export function ProvenanceList({ provenance, title = "Where it is stated" }: { provenance: readonly Provenance[]; title?: string }) {
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
