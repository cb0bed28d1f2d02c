import type { ErrorRequestHandler, RequestHandler } from "express";

import { AppError } from "./errors.js";

export const notFoundApi: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: "NOT_FOUND", message: `No API endpoint ${req.method} ${req.path}` } });
};

/** The only place errors become responses: typed errors keep their status; anything else is a 500 without internals. */
export const errorMiddleware: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof AppError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details !== undefined ? { details: err.details } : {}) } });
    return;
  }
  // express.json() and similar throw errors with a `status`; malformed URLs throw URIError.
  const status = typeof (err as { status?: unknown }).status === "number" ? (err as { status: number }).status : err instanceof URIError ? 400 : 500;
  if (status >= 500) console.error(err);
  res.status(status).json({
    error: { code: status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST", message: status >= 500 ? "Something went wrong on the server." : String((err as Error).message) },
  });
};
