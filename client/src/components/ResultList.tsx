/**
 * The text side of a view: a list a DPO can read, select, copy and download as CSV. The rows come from the
 * pure transforms in lib/rows.ts; how each row is shown is up to the view.
 */
import { Check, Copy, Download } from "lucide-react";
import { useState, type ReactNode } from "react";

import { copyText, download, slug } from "../lib/download";
import { toCsv, toText, type RowSet } from "../lib/rows";

type Cell = string | number | boolean | null | undefined | string[];

export function ResultList<R extends Record<string, Cell>, E extends Record<string, Cell> = R>({
  title,
  set,
  renderRow,
  rowKey,
  empty,
  summary,
  testId,
  children,
  exportSet,
  incomplete,
}: {
  title: string;
  set: RowSet<R>;
  renderRow: (row: R) => ReactNode;
  rowKey: (row: R) => string;
  empty?: ReactNode;
  summary?: ReactNode;
  testId?: string;
  /** A custom body (e.g. rows grouped under headings) instead of one item per row. */
  children?: ReactNode;
  /** What Copy and CSV give when it is finer than the rows shown (a trace: one row per vendor and field, with evidence). */
  exportSet?: RowSet<E>;
  /**
   * The rows are only the part of the list read so far (a trace's first page while the pages after it are read): this
   * says so above them, and Copy and CSV wait for the whole list.
   */
  incomplete?: ReactNode;
}) {

  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await copyText(exportSet ? toText(exportSet, title) : toText(set, title));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  const nothing = set.rows.length === 0 && !exportSet?.rows.length;
  const partial = Boolean(incomplete);
  const csv = () => download(new Blob(["\uFEFF", exportSet ? toCsv(exportSet) : toCsv(set)], { type: "text/csv;charset=utf-8" }), `${slug(title)}.csv`);
  return (
    <section className="result-list" aria-label={title} data-testid={testId}>
      <header className="result-list__header">
        <div>
          <h2 className="result-list__title">{title}</h2>
          {summary && <p className="result-list__summary">{summary}</p>}
        </div>
        <div className="result-list__actions">
          <button type="button" className="btn btn--ghost btn--sm" onClick={() => void copy()} disabled={nothing || partial} title={partial ? "Copy waits for the whole list" : "Copy the list as text"}>
            {copied ? <Check size={14} aria-hidden /> : <Copy size={14} aria-hidden />} {copied ? "Copied" : "Copy"}
          </button>
          <button type="button" className="btn btn--ghost btn--sm" onClick={csv} disabled={nothing || partial} title={partial ? "The CSV waits for the whole list" : "Download the list as CSV"}>
            <Download size={14} aria-hidden /> CSV
          </button>
        </div>
      </header>
      {partial && incomplete}
      {set.rows.length === 0 ? (
        (empty ?? <p className="muted">Nothing to list.</p>)
      ) : children ? (
        children
      ) : (
        <ul className="result-list__rows">
          {set.rows.map((r) => (
            <li key={rowKey(r)}>{renderRow(r)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
