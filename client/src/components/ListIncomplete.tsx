/**
 * Above a list shown from its first page while the pages after it are read (a trace's vendors, the where checklist):
 * how much of it is read so far, or why the rest could not be read, with a retry. Given to `ResultList`'s
 * `incomplete`, which keeps Copy and CSV back meanwhile.
 */
import { Loader2 } from "lucide-react";

import type { RestState } from "../api/useApi";

/** `read`: how much is read, in the list's words ("2 of 14 vendors read"). */
export function ListIncomplete({ read, rest, onRetry, testId }: { read: string; rest: RestState; onRetry: () => void; testId: string }) {
  if (rest.status === "error") {
    return (
      <div className="result-list__incomplete" role="alert" data-testid={testId}>
        <p>
          Incomplete list ({read}): the rest could not be read. {rest.error.message}
        </p>
        <button type="button" className="btn btn--secondary btn--sm" onClick={onRetry}>
          Try again
        </button>
      </div>
    );
  }
  return (
    <p className="result-list__incomplete muted" role="status" data-testid={testId}>
      <Loader2 className="spin" size={14} aria-hidden /> Loading the list: {read} so far…
    </p>
  );
}
