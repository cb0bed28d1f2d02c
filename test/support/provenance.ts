/** Reading what a `stated` provenance cites: the cited file's lines, and the names a line may name a node by. */
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Provenance } from "../../server/src/contract/api.js";
import { parseNodeId } from "../../server/src/contract/ids.js";
import { BUILT_IN_DIR, REPO_ROOT } from "../../server/src/inventory/paths.js";

/** A cited file's lines: built-in inventories are cited relative to their folder, the catalogue as `catalogue/…`. */
const files = new Map<string, string[]>();
export function linesOf(file: string): string[] {
  if (!files.has(file)) {
    const full = file.startsWith("catalogue/") ? path.join(REPO_ROOT, "seed", file) : path.join(BUILT_IN_DIR, file);
    files.set(file, readFileSync(full, "utf8").split("\n"));
  }
  return files.get(file)!;
}

/** The line a `stated` provenance cites ("" past the file's end). */
export const citedLine = (p: Extract<Provenance, { kind: "stated" }>): string => linesOf(p.file)[p.line - 1] ?? "";

/**
 * The text a `stated` provenance cites: its line, and when that line only opens a nested map (`- vendor:`, the entry's
 * value on the lines below), that map's lines too (the ones indented deeper than its key).
 */
export function citedEntry(p: Extract<Provenance, { kind: "stated" }>): string {
  const lines = linesOf(p.file);
  const line = lines[p.line - 1] ?? "";
  const opens = /^(\s*(?:- )?)[\w-]+:\s*$/.exec(line);
  if (!opens) return line;
  const keyIndent = opens[1]!.length;
  const block = [line];
  for (const next of lines.slice(p.line)) {
    if (next.trim() === "" || next.length - next.trimStart().length <= keyIndent) break;
    block.push(next);
  }
  return block.join("\n");
}

/** What a line may name a node by: a column by its name or its table's, a table or anything else by its key's last part. */
export function namesOf(id: string): string[] {
  const parsed = parseNodeId(id);
  if (!parsed) return [id];
  const key = parsed.key.includes("/") ? parsed.key.slice(parsed.key.indexOf("/") + 1) : parsed.key;
  if (parsed.kind === "column") {
    const dot = key.indexOf(".");
    return [key.slice(dot + 1), key.slice(0, dot)];
  }
  return [key];
}
