/** Domain errors with a typed code; one middleware turns them into `{ error: { code, message, details } }`. */
export type ErrorCode = "VALIDATION_ERROR" | "NOT_FOUND" | "CONFLICT" | "DATABASE_UNAVAILABLE" | "QUERY_TIMEOUT" | "PDF_UNAVAILABLE" | "INTERNAL_ERROR";

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
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
    super("DATABASE_UNAVAILABLE", 503, message);
  }
}

export class QueryTimeoutError extends AppError {
  constructor() {
    super("QUERY_TIMEOUT", 503, "The query took too long and was stopped; narrow it (lower depth, a filter).");
  }
}

/** PDF output needs a headless Chromium on this machine; the HTML form of a report works without it. */
export class PdfUnavailableError extends AppError {
  constructor(message: string) {
    super("PDF_UNAVAILABLE", 503, message);
  }
}
