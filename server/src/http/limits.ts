/**
 * What keeps one client, or one page, from taking the explorer down or reading it from elsewhere:
 * a per-address rate limit on /api, a cap on URL length (414), and a Host check (DNS rebinding).
 */
import type { RequestHandler } from "express";

import { AppError, CrossSiteRefusedError, RateLimitedError } from "../errors.js";

/** Longest URL (path + query) answered; every real request is far shorter. */
export const MAX_URL_LENGTH = 4096;

export const limitUrlLength: RequestHandler = (req, _res, next) => {
  if (req.originalUrl.length > MAX_URL_LENGTH) {
    next(new AppError("URI_TOO_LONG", 414, `The URL is longer than ${MAX_URL_LENGTH} characters.`));
    return;
  }
  next();
};

/**
 * Token bucket per client address: `perSecond` requests a second on average, bursts of `2 × perSecond`
 * (a page opens several requests at once). 0 turns it off. Buckets of quiet clients are forgotten.
 */
export function rateLimit(perSecond: number, now: () => number = Date.now): RequestHandler {
  if (perSecond <= 0) return (_req, _res, next) => next();
  const burst = Math.max(1, Math.ceil(perSecond * 2));
  const buckets = new Map<string, { tokens: number; at: number }>();
  let lastSweep = now();
  return (req, res, next) => {
    const t = now();
    if (t - lastSweep > 60_000 || buckets.size > 10_000) {
      for (const [k, b] of buckets) if (t - b.at > 60_000) buckets.delete(k);
      lastSweep = t;
    }
    const key = req.ip ?? req.socket.remoteAddress ?? "unknown";
    const bucket = buckets.get(key) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      next(new RateLimitedError(Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond))));
      return;
    }
    bucket.tokens -= 1;
    res.setHeader("RateLimit-Limit", String(burst));
    next();
  };
}

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** `example.com:3000` → `example.com`; `[::1]:3000` → `[::1]`. */
export function hostName(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith("[")) return h.slice(0, h.indexOf("]") + 1);
  const colon = h.indexOf(":");
  return colon >= 0 ? h.slice(0, colon) : h;
}

/**
 * Answers only requests addressed to this explorer: loopback names, the HOST it listens on (unless a
 * wildcard) and ALLOWED_HOSTS. A page on another site whose name was pointed at 127.0.0.1 (DNS rebinding)
 * sends its own name as Host and gets 421; a request without Host gets 400.
 */
export function checkHost(listenHost: string, allowed: readonly string[]): RequestHandler {
  const names = new Set([...LOOPBACK_NAMES, ...allowed.map((h) => h.toLowerCase())]);
  const host = listenHost.toLowerCase();
  if (host !== "0.0.0.0" && host !== "::" && host !== "") names.add(host.includes(":") && !host.startsWith("[") ? `[${host}]` : host);
  return (req, _res, next) => {
    const header = req.headers.host;
    if (!header) {
      next(new AppError("BAD_REQUEST", 400, "The request has no Host header."));
      return;
    }
    if (!names.has(hostName(header))) {
      next(new AppError("MISDIRECTED_REQUEST", 421, "This explorer does not answer to that host name; set ALLOWED_HOSTS to add it."));
      return;
    }
    next();
  };
}

/**
 * Refuses what another web site makes the browser ask for: `<img src="http://127.0.0.1:3000/api/reports/dpia?…">`
 * or a no-cors fetch would otherwise make the app trace and print for any page the user visits. Browsers say where a
 * request comes from (Fetch Metadata): a cross-site request that is not a top-level navigation is refused. A link the
 * user clicks in a document is a navigation and works; clients that send no such header (curl, the CLIs, an
 * OpenLineage producer) are not browsers and are not affected.
 */
export const refuseCrossSite: RequestHandler = (req, _res, next) => {
  const site = req.get("sec-fetch-site");
  const mode = req.get("sec-fetch-mode");
  if (site === "cross-site" && mode !== "navigate") {
    next(new CrossSiteRefusedError());
    return;
  }
  next();
};
