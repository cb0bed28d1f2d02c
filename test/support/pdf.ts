/** PDF checks with Poppler's tools: a missing tool fails the test, it never skips it. */
import { execFileSync } from "node:child_process";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

import type request from "supertest";

export function poppler(tool: "pdftotext" | "pdftoppm" | "pdfinfo", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${tool} is not installed: install Debian's poppler-utils to check the PDF reports`);
    throw err;
  }
}

/**
 * Renders pages `first`..`last` of a PDF to PNG (`<prefix>-N.png`) and returns the files written. pdftoppm pads N to the
 * digits of the page count (`-01` in a 10-page file), so the files are found by prefix, not by a guessed name.
 */
export function renderPages(file: string, prefix: string, first: number, last: number, dpi = 80): string[] {
  const dir = path.dirname(prefix);
  const stem = `${path.basename(prefix)}-`;
  const pages = () => readdirSync(dir).filter((f) => f.startsWith(stem) && /^\d+\.png$/.test(f.slice(stem.length)));
  for (const old of pages()) rmSync(path.join(dir, old));
  poppler("pdftoppm", ["-png", "-r", String(dpi), "-f", String(first), "-l", String(last), file, prefix]);
  return pages().map((f) => path.join(dir, f)).sort();
}

/** supertest's parser for a binary answer (a PDF). */
export function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
}
