/** Which importer reads a file: by its extension, then by what its top level holds. */
import { parse } from "yaml";

import type { ImportFormat } from "./import.source.js";

/** A header row: several comma-separated cells on the first line. */
const CSV_HEADER = /^[^\n:{}[\]]*,[^\n:{}[\]]*,/;

export function detectFormat(file: string, text: string): ImportFormat {
  if (/\.(csv|tsv)$/i.test(file)) return "csv";
  let top: unknown;
  try {
    top = parse(text);
  } catch {
    // Broken YAML is reported by the YAML reader, with its line; a spreadsheet under another name is read as one.
    return CSV_HEADER.test(text) ? "csv" : "yaml";
  }
  if (top && typeof top === "object" && !Array.isArray(top)) {
    const o = top as Record<string, unknown>;
    // fideslang manifests hold lists under `dataset:`/`system:`; our format has one `system:` object.
    return Array.isArray(o.dataset) || Array.isArray(o.system) ? "fides" : "yaml";
  }
  return CSV_HEADER.test(text) ? "csv" : "yaml";
}
