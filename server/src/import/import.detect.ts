/** Which importer reads a file: by its extension, then by what its top level holds. */
import { parse } from "yaml";

import type { ImportFormat } from "./import.source.js";

export function detectFormat(file: string, text: string): ImportFormat {
  if (/\.(csv|tsv)$/i.test(file)) return "csv";
  let top: unknown;
  try {
    top = parse(text);
  } catch {
    // Not YAML: a spreadsheet saved under another name, or broken YAML that the YAML reader reports by line.
    return /^[^\n]*,[^\n]*\n/.test(text) && !/^\s*[\w$-]+\s*:/.test(text) ? "csv" : "yaml";
  }
  if (top && typeof top === "object" && !Array.isArray(top)) {
    const o = top as Record<string, unknown>;
    // fideslang manifests hold lists under `dataset:`/`system:`; our format has one `system:` object.
    if (Array.isArray(o.dataset) || Array.isArray(o.system)) return "fides";
  }
  return "yaml";
}
