/** PDF checks with Poppler's tools: a missing tool fails the test, it never skips it. */
import { execFileSync } from "node:child_process";

import type request from "supertest";

export function poppler(tool: "pdftotext" | "pdftoppm" | "pdfinfo", args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: "utf8" });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`${tool} is not installed: install Debian's poppler-utils to check the PDF reports`);
    throw err;
  }
}

/** supertest's parser for a binary answer (a PDF). */
export function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on("data", (c: Buffer) => chunks.push(c));
  res.on("end", () => cb(null, Buffer.concat(chunks)));
}
