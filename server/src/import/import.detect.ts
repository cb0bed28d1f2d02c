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

/** A top-level `key:` line of a block mapping (a plain key at column 0), and what follows it on the line. */
const TOP_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]+(.*))?$/;

/**
 * Our inventory format told from its top-level lines alone, without parsing the whole YAML (which costs as much as
 * reading the inventory itself; an import asks twice): every line at column 0 is a comment, a blank or a plain `key:`,
 * one of them is `system:` opening a block mapping, and none is a key another format is recognised by. Anything else
 * (flow style, JSON, documents markers, a first line that looks like a spreadsheet's header) is left to the full parse:
 * this only ever answers what the full parse answers for the same text.
 */
function isPlainInventory(text: string): boolean {
  if (CSV_HEADER.test(text)) return false;
  const lines = text.split(/\r?\n/);
  let system = false;
  for (const [i, line] of lines.entries()) {
    if (line === "" || /^[ \t]/.test(line) || line.startsWith("#")) continue;
    const m = TOP_KEY.exec(line);
    if (!m) return false;
    const [, key, rest] = m;
    if (["eventTime", "run", "job", "pia", "answers", "assessment", "dataset"].includes(key!)) return false;
    if (key === "system") {
      if (rest !== undefined && rest !== "" && !rest.startsWith("#")) return false;
      // The next line that holds something must be an indented mapping entry, not a list item.
      const next = lines.slice(i + 1).find((l) => l.trim() !== "" && !l.trim().startsWith("#"));
      if (!next || !/^[ \t]+[A-Za-z_][\w-]*:(\s|$)/.test(next)) return false;
      system = true;
    }
  }
  return system;
}

export function detectFormat(file: string, text: string): ImportFormat {
  if (/\.(csv|tsv)$/i.test(file)) return "csv";
  // OpenLineage's file transport writes one event per line; a JSON array of events is read too.
  if (/\.(ndjson|jsonl)$/i.test(file) || isRunEvent(firstJsonLine(text))) return "openlineage";
  if (isPlainInventory(text)) return "yaml";
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
