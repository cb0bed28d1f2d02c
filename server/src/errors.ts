/** Domain errors with a typed code; one middleware turns them into `{ error: { code, message, details } }`. */
export type ErrorCode =
  | "VALIDATION_ERROR"
  | "NOT_FOUND"
  | "CONFLICT"
  | "DATABASE_UNAVAILABLE"
  | "DATABASE_BUSY"
  | "QUERY_TIMEOUT"
  | "PDF_UNAVAILABLE"
  | "REPORT_BUSY"
  | "CROSS_SITE_REFUSED"
  | "RATE_LIMITED"
  | "UNAUTHORIZED"
  | "MISDIRECTED_REQUEST"
  | "BAD_REQUEST"
  | "URI_TOO_LONG"
  | "HEADERS_TOO_LARGE"
  | "PAYLOAD_TOO_LARGE"
  | "INTERNAL_ERROR";

export class AppError extends Error {
  /** For the server's log only (never sent): why, when the message to the client is deliberately vague. */
  logNote?: string;

  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
    /** Sent as `Retry-After` (seconds). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = new.target.name;
  }

  withLogNote(note: string): this {
    this.logNote = note;
    return this;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super("VALIDATION_ERROR", 400, message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, details?: unknown) {
    super("NOT_FOUND", 404, message, details);
  }
}

/** The request names more than one thing (e.g. a table name several systems use). */
export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super("CONFLICT", 409, message, details);
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message = "The graph database is not reachable right now.") {
    super("DATABASE_UNAVAILABLE", 503, message, undefined, 5);
  }
}

/** Too many questions at once: refused straight away rather than queued into a timeout. */
export class DatabaseBusyError extends AppError {
  constructor() {
    super("DATABASE_BUSY", 503, "The explorer is answering too many questions at once; try again in a moment.", undefined, 2);
  }
}

export class QueryTimeoutError extends AppError {
  constructor() {
    super("QUERY_TIMEOUT", 503, "The query took too long and was stopped; narrow it (lower depth, a filter).", undefined, 5);
  }
}

export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number) {
    super("RATE_LIMITED", 429, "Too many requests from this address; slow down.", undefined, retryAfterSeconds);
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = "This explorer needs an API token: send `Authorization: Bearer <token>`.") {
    super("UNAUTHORIZED", 401, message);
  }
}

/** PDF output needs a headless Chromium on this machine; the HTML form of a report works without it. */
export class PdfUnavailableError extends AppError {
  constructor(message: string) {
    super("PDF_UNAVAILABLE", 503, message);
  }
}

/** Too many reports printing or waiting to print: refused at once, before any work is done for the request. */
export class ReportBusyError extends AppError {
  constructor() {
    super("REPORT_BUSY", 503, "The explorer is printing as many reports as it can; try again in a moment.", undefined, 5);
  }
}

/** A request another web site made the browser send (an image, a script, a fetch): not the user's own doing. */
export class CrossSiteRefusedError extends AppError {
  constructor() {
    super(
      "CROSS_SITE_REFUSED",
      403,
      "Refused: this request came from another web site. Open the explorer's own pages, or call the API directly (curl, the CLI).",
    );
  }
}

/** A request body past the size an endpoint accepts (the OpenLineage ingest endpoint, the only one with a body). */
export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super("PAYLOAD_TOO_LARGE", 413, `The request body is larger than ${limitBytes} bytes (after decompression).`, { limitBytes });
  }
}
