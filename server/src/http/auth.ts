/** The optional API token: with API_TOKEN set, every /api call must carry `Authorization: Bearer <token>`. */
import { createHash, timingSafeEqual } from "node:crypto";

import type { RequestHandler } from "express";

import { UnauthorizedError } from "../errors.js";

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Compares digests, so neither the token's content nor its length leaks through timing. */
export function tokenMatches(expected: string, given: string): boolean {
  return timingSafeEqual(digest(expected), digest(given));
}

export function requireToken(token: string | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  return (req, res, next) => {
    const m = /^Bearer[ ]+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
    if (!m || !tokenMatches(token, m[1]!)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="pd-lineage"');
      next(new UnauthorizedError(m ? "The API token is not right." : undefined));
      return;
    }
    next();
  };
}
