/**
 * The one place the client talks HTTP: JSON in, typed errors out (the server's `{ error: { code, message } }`).
 * When the server asks for an API token (401), the user is asked once per tab; the token stays in this tab's
 * sessionStorage only (gone when the tab closes, never sent to another site).
 */
import type { ErrorResponse } from "@contract/api";

export type ApiErrorCode =
  | "NETWORK"
  | "BAD_RESPONSE"
  | "NOT_FOUND"
  | "VALIDATION_ERROR"
  | "DATABASE_UNAVAILABLE"
  | "DATABASE_BUSY"
  | "QUERY_TIMEOUT"
  | "RATE_LIMITED"
  | "UNAUTHORIZED"
  | (string & {});

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
    /** Seconds the server asked us to wait (`Retry-After`), when it said. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** An outage or overload that passes by itself: worth retrying without the user doing anything. */
  get transient(): boolean {
    return this.code === "NETWORK" || this.code === "DATABASE_UNAVAILABLE" || this.code === "DATABASE_BUSY" || this.status === 429 || this.status === 503;
  }
}

const TOKEN_KEY = "pd-lineage.api-token";
let asking: Promise<string | null> | null = null;
/** The user cancelled the question: not asked again until the page is reloaded. */
let declined = false;

function storedToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** One question at a time, however many requests were refused together. */
function askForToken(wrong: boolean): Promise<string | null> {
  if (declined) return Promise.resolve(null);
  asking ??= Promise.resolve().then(() => {
    const answer = window.prompt(
      wrong ? "That API token was not accepted. Enter the explorer's API token:" : "This explorer needs an API token (ask whoever runs it). Enter it:",
    );
    const token = answer?.trim() || null;
    if (!token) declined = true;
    try {
      if (token) sessionStorage.setItem(TOKEN_KEY, token);
      else sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // storage disabled: the token lives for this question only
    }
    asking = null;
    return token;
  });
  return asking;
}

export type Params = Record<string, string | number | boolean | undefined | null>;

export function apiUrl(path: string, params: Params = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") qs.set(k, String(v));
  const q = qs.toString();
  return `/api${path}${q ? `?${q}` : ""}`;
}

async function send(url: string, token: string | null, signal?: AbortSignal): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(url, { headers, ...(signal ? { signal } : {}) });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(0, "NETWORK", "The explorer's server does not answer. Is it running?");
  }
}

interface Shared {
  url: string;
  answer: Promise<unknown>;
  /** Callers still waiting (one without a signal never gives up, so its request is never aborted). */
  waiting: number;
  ctrl: AbortController;
}
/**
 * Identical GETs in flight share one request: on the landing page the header and the overview ask for the same
 * answer at once. The request is aborted only when every caller waiting for it has given up.
 */
const inFlight = new Map<string, Shared>();

const aborted = () => new DOMException("The request was aborted.", "AbortError");

export function getJson<T>(path: string, params: Params = {}, signal?: AbortSignal): Promise<T> {
  const url = apiUrl(path, params);
  if (signal?.aborted) return Promise.reject(aborted());
  let shared = inFlight.get(url);
  if (!shared) {
    const ctrl = new AbortController();
    const s: Shared = { url, answer: load(url, ctrl.signal), waiting: 0, ctrl };
    inFlight.set(url, s);
    const done = () => {
      if (inFlight.get(url) === s) inFlight.delete(url);
    };
    s.answer.then(done, done);
    shared = s;
  }
  const s = shared;
  s.waiting++;
  if (!signal) return s.answer as Promise<T>;
  return new Promise<T>((resolve, reject) => {
    const giveUp = () => {
      reject(aborted());
      if (--s.waiting === 0) {
        s.ctrl.abort();
        if (inFlight.get(url) === s) inFlight.delete(url);
      }
    };
    signal.addEventListener("abort", giveUp, { once: true });
    s.answer.then(
      (v) => {
        signal.removeEventListener("abort", giveUp);
        resolve(v as T);
      },
      (err: unknown) => {
        signal.removeEventListener("abort", giveUp);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

async function load(url: string, signal: AbortSignal): Promise<unknown> {
  let token = storedToken();
  let res = await send(url, token, signal);
  // Asked at most twice per request: once for a missing token, once more if the one given was wrong.
  for (let tries = 0; res.status === 401 && tries < 2; tries++) {
    // Requests refused together share one question: one that was sent before the token was entered uses it.
    const latest = storedToken();
    token = latest !== null && latest !== token ? latest : await askForToken(token !== null);
    if (!token) break;
    res = await send(url, token, signal);
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(res.status, "BAD_RESPONSE", `The server answered ${res.status} without JSON.`);
  }
  if (!res.ok) {
    const e = (body as Partial<ErrorResponse>).error;
    const retryAfter = Number(res.headers.get("retry-after") ?? NaN);
    throw new ApiError(res.status, e?.code ?? "BAD_RESPONSE", e?.message ?? `The server answered ${res.status}.`, e?.details, Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  return body;
}
