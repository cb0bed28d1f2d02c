/**
 * Answers travel compressed to clients across a network that accept it (browsers, `fetch`, curl `--compressed`):
 * JSON shrinks about tenfold, and the largest answers are hundreds of KB (an overview at scale L is 1.1 MB, 82 KB
 * gzipped), as are the built client's chunks. Kept answers (db/cache.ts) are gzipped once, on the first request that
 * accepts it, and those bytes go to every later one; every other answer and file is compressed as it is sent by the
 * `compression` middleware, which leaves alone what is already encoded. Below 1 KB an answer goes as it is.
 *
 * A client on the loopback interface (the browser of `npm start`'s own user, a reverse proxy on the same machine, which
 * compresses for its clients itself) gets every answer as it is: there the bytes cost nothing to carry, and compressing
 * them costs the CPU the database and the browser share. Measured on the built-in data with everything compressed
 * (bench/results/2026-12-06-issue21-builtin-compression.md): over loopback the overview and the trace were painted
 * 150–180 ms later, and `bench:load` answered 1,971 req/s instead of 2,968.
 */
import compression from "compression";
import type { Request, RequestHandler, Response } from "express";

import { gzipped, type CachedAnswer } from "../db/cache.js";

const MIN_BYTES = 1024;

/** Who gets compressed answers: clients across a network (the default), or every client (tests of the mechanism). */
export type CompressFor = "network" | "every-client";

/** Whether the client's connection comes from this machine (IPv4 127/8, IPv6 ::1, or 127/8 mapped into IPv6). */
export function onLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** The connection's own peer, not `req.ip`: a proxy on this machine is the hop whose bytes are free. */
const compresses = (req: Request, who: CompressFor) => who === "every-client" || !onLoopback(req.socket.remoteAddress);

/** For everything but kept answers; a loopback client's request does not pass through it at all. */
export function compressResponses(who: CompressFor): RequestHandler {
  const compress = compression({ threshold: MIN_BYTES });
  return (req, res, next) => {
    if (compresses(req, who)) compress(req, res, next);
    else next();
  };
}

/** Sends a kept answer: 304 when the client holds it (its ETag), else gzipped when the client may have it so, else as it is. */
export async function sendKept(req: Request, res: Response, kept: CachedAnswer, who: CompressFor): Promise<void> {
  res.type("json").set("ETag", kept.etag).vary("Accept-Encoding");
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const gzip = kept.body.length >= MIN_BYTES && compresses(req, who) && req.acceptsEncodings("gzip", "identity") === "gzip" ? await gzipped(kept) : null;
  // The request's deadline may have answered 503 meanwhile.
  if (res.headersSent) return;
  if (gzip) res.set("Content-Encoding", "gzip");
  res.send(gzip ?? kept.body);
}
