/** Which importer reads a file: by its extension, then by what its top level holds. */
import { parse } from "yaml";

import type { ImportFormat } from "./import.source.js";

/** A header row: several comma-separated cells on the first line. */
const CSV_HEADER = /^[^\n:{}[\]]*,[^\n:{}[\]]*,/;

/** An OpenLineage run event: `eventTime`, `run` and `job` at its top level. */
function isRunEvent(value: unknown): boolean {
  return !!value && typeof value === "object" && !Array.isArray(value) && ["eventTime", "run", "job"].every((k) => k in value);
}

function firstJsonLine(text: string): unknown {
  const line = text.split(/\r?\n/).find((l) => l.trim());
  try {
    return line === undefined ? undefined : (JSON.parse(line) as unknown);
  } catch {
    return undefined;
  }
}

export function detectFormat(file: string, text: string): ImportFormat {
  if (/\.(csv|tsv)$/i.test(file)) return "csv";
  // OpenLineage's file transport writes one event per line; a JSON array of events is read too.
  if (/\.(ndjson|jsonl)$/i.test(file) || isRunEvent(firstJsonLine(text))) return "openlineage";
  let top: unknown;
  try {
    top = parse(text);
  } catch {
    // Broken YAML is reported by the YAML reader, with its line; a spreadsheet under another name is read as one.
    return CSV_HEADER.test(text) ? "csv" : "yaml";
  }
  if (isRunEvent(top) || (Array.isArray(top) && top.length > 0 && isRunEvent(top[0]))) return "openlineage";
  if (top && typeof top === "object" && !Array.isArray(top)) {
    const o = top as Record<string, unknown>;
    // The CNIL PIA tool's export, and our assessment files (a DPIA beside the graph, no `system:`).
    if ("pia" in o && Array.isArray(o.answers)) return "cnil-pia";
    if ("assessment" in o && !("system" in o)) return "assessment";
    // fideslang manifests hold lists under `dataset:`/`system:`; our format has one `system:` object.
    return Array.isArray(o.dataset) || Array.isArray(o.system) ? "fides" : "yaml";
  }
  return CSV_HEADER.test(text) ? "csv" : "yaml";
}
