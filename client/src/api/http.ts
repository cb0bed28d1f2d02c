/** The one place the client talks HTTP: JSON in, typed errors out (the server's `{ error: { code, message } }`). */
import type { ErrorResponse } from "@contract/api";

export type ApiErrorCode = "NETWORK" | "BAD_RESPONSE" | "NOT_FOUND" | "VALIDATION_ERROR" | "DATABASE_UNAVAILABLE" | (string & {});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type Params = Record<string, string | number | boolean | undefined | null>;

export function apiUrl(path: string, params: Params = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const q = qs.toString();
  return `/api${path}${q ? `?${q}` : ""}`;
}

export async function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(apiUrl(path, params), { headers: { accept: "application/json" }, ...(signal ? { signal } : {}) });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK", "The explorer's server does not answer. Is it running?");
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, "BAD_RESPONSE", `The server answered ${res.status} without JSON.`);
  }
  if (!res.ok) {
    const e = (body as Partial<ErrorResponse>).error;
    throw new ApiError(res.status, e?.code ?? "BAD_RESPONSE", e?.message ?? `The server answered ${res.status}.`, e?.details);
  }
  return body as T;
}
