/**
 * Answers travel gzipped to every client that accepts it (browsers, `fetch`, curl `--compressed`): JSON shrinks about
 * tenfold, and the largest answers are hundreds of KB (an overview at scale L is 1.1 MB), as are the built client's
 * chunks. Kept answers (db/cache.ts) are gzipped once, on the first request that accepts it, and that copy is sent to
 * every later one; every other answer and file is gzipped as it is sent by the `compression` middleware, which leaves
 * alone what is already encoded. Below 1 KB an answer goes as it is: gzip would save nothing worth its time.
 */
import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

import { gzipped, type CachedAnswer } from "../db/cache.js";

const MIN_BYTES = 1024;

/** For everything but kept answers. */
export function compressResponses(): RequestHandler {
  return compression({ threshold: MIN_BYTES });
}

/** Sends a kept answer: 304 when the client holds it (its ETag), else gzipped when the client accepts it, else as it is. */
export async function sendKept(req: Request, res: Response, kept: CachedAnswer): Promise<void> {
  res.type("json").set("ETag", kept.etag).vary("Accept-Encoding");
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const gzip = kept.body.length >= MIN_BYTES && req.acceptsEncodings("gzip", "identity") === "gzip" ? await gzipped(kept) : null;
  // The request's deadline may have answered 503 meanwhile.
  if (res.headersSent) return;
  if (gzip) res.set("Content-Encoding", "gzip");
  res.send(gzip ?? kept.body);
}
