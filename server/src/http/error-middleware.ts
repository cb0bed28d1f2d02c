import type { ErrorRequestHandler, Request, RequestHandler } from "express";

import { AppError } from "../errors.js";

export const notFoundApi: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: "NOT_FOUND", message: `No API endpoint ${req.method} ${req.path}` } });
};

export type ErrorLog = (line: string) => void;

/** What a line names of the request: method and path, the query cut short (it is the client's input). */
function describe(req: Request): string {
  const url = req.originalUrl.length > 200 ? `${req.originalUrl.slice(0, 200)}…` : req.originalUrl;
  return `${req.method} ${url}`;
}

/**
 * The only place errors become responses: typed errors keep their status (and `Retry-After`); anything else
 * is a 500 without internals. One log line per error worth a look (not 400/404: those are the client's
 * business); a stack only for the unexpected ones, so a burst of 503s cannot flood the log.
 */
export function errorMiddleware(log: ErrorLog = console.error): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    if (res.headersSent) {
      // Answered already (e.g. 503 by the request's deadline): a late error from the abandoned work changes nothing.
      // Only an answer cut off half-way is ended by closing the connection, so the client cannot take it as whole.
      if (!res.writableEnded) req.socket.destroy();
      return;
    }
    if (err instanceof AppError) {
      if (err.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(err.retryAfterSeconds));
      if (err.status !== 400 && err.status !== 404) log(`[api] ${err.status} ${err.code} ${describe(req)}${err.logNote ? ` (${err.logNote})` : ""}`);
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } });
      return;
    }
    // express.json() and similar throw errors with a `status`; malformed URLs throw URIError.
    const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : err instanceof URIError ? 400 : 500;
    if (status >= 500) log(`[api] ${status} INTERNAL_ERROR ${describe(req)}\n${err instanceof Error ? err.stack : String(err)}`);
    res.status(status).json({
      error: { code: status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST", message: status >= 500 ? "Something went wrong on the server." : (err as Error).message },
    });
  };
}
