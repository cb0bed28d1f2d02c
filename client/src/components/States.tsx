/** Designed empty, loading and error states: every view says what happened and what to do next. */
import { AlertTriangle, DatabaseZap, Loader2, SearchX, Unplug } from "lucide-react";
import type { ReactNode } from "react";
import { Link, useLocation } from "react-router";

import type { ApiError } from "../api/http";
import { scopedLink } from "../lib/urlState";

export function Loading({ what }: { what: string }) {
  return (
    <div className="state state--loading" role="status" aria-live="polite">
      <Loader2 className="spin" size={22} aria-hidden />
      <p>Loading {what}…</p>
    </div>
  );
}

export function Empty({ title, children, icon }: { title: string; children?: ReactNode; icon?: ReactNode }) {
  return (
    <div className="state state--empty" role="status">
      <div className="state__icon">{icon ?? <SearchX size={22} aria-hidden />}</div>
      <h2>{title}</h2>
      {children && <div className="state__body">{children}</div>}
    </div>
  );
}

function explain(error: ApiError): { title: string; body: string; icon: ReactNode } {
  if (error.code === "DATABASE_UNAVAILABLE")
    return {
      title: "The database is not reachable",
      body: "Neo4j does not answer right now. The explorer keeps trying and shows the answer as soon as it is back.",
      icon: <DatabaseZap size={22} aria-hidden />,
    };
  if (error.code === "DATABASE_BUSY" || error.code === "RATE_LIMITED")
    return { title: "The explorer is busy", body: "Too many questions at once. Trying again in a moment…", icon: <Loader2 className="spin" size={22} aria-hidden /> };
  if (error.code === "UNAUTHORIZED") return { title: "An API token is needed", body: "This explorer only answers with its API token. Reload the page to enter it.", icon: <AlertTriangle size={22} aria-hidden /> };
  if (error.code === "NETWORK") return { title: "The server does not answer", body: `${error.message} Trying again…`, icon: <Unplug size={22} aria-hidden /> };
  if (error.status === 404) return { title: "Not found", body: error.message, icon: <SearchX size={22} aria-hidden /> };
  if (error.status === 409) return { title: "This link names more than one thing", body: error.message, icon: <AlertTriangle size={22} aria-hidden /> };
  if (error.status === 400) return { title: "This link is not valid", body: error.message, icon: <AlertTriangle size={22} aria-hidden /> };
  if (error.code === "QUERY_TIMEOUT") return { title: "The question took too long", body: "Narrow it down (a table instead of a whole system, a smaller depth) and try again.", icon: <AlertTriangle size={22} aria-hidden /> };
  return { title: "Something went wrong", body: error.message, icon: <AlertTriangle size={22} aria-hidden /> };
}

interface Alternative {
  id: string;
  label: string;
  detail?: string | null;
}

/**
 * What the server offers instead of a node id that names nothing (`details.suggestions`: the closest search results)
 * or more than one thing (`details.candidates`: an id per system), with the id asked for.
 */
function alternativesOf(error: ApiError): { asked: string; options: Alternative[] } | null {
  const d = error.details as { id?: unknown; suggestions?: unknown; candidates?: unknown } | undefined;
  if (!d || typeof d.id !== "string") return null;
  if (Array.isArray(d.suggestions)) {
    const options = (d.suggestions as { id: string; label: string; detail?: string | null; system?: string | null }[]).map((s) => ({
      id: s.id,
      label: s.label,
      detail: [s.system, s.detail].filter(Boolean).join(" · ") || null,
    }));
    return { asked: d.id, options };
  }
  if (Array.isArray(d.candidates)) return { asked: d.id, options: (d.candidates as string[]).map((id) => ({ id, label: id })) };
  return null;
}

/** The current page's link with the id asked for replaced by another (wherever the URL names it). */
function replacing(location: { pathname: string; search: string }, asked: string, id: string): string {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of [...params]) if (v === asked) params.set(k, id);
  const path = location.pathname.split("/").map((part) => (decodeURIComponent(part) === asked ? encodeURIComponent(id) : part)).join("/");
  const query = params.toString();
  return `${path}${query ? `?${query}` : ""}`;
}

function Alternatives({ error }: { error: ApiError }) {
  const location = useLocation();
  const alt = alternativesOf(error);
  if (!alt) return null;
  if (alt.options.length === 0) return <p className="state__body">Nothing close to it was found: search for it above.</p>;
  return (
    <div className="state__body" data-testid="alternatives">
      <p>{error.status === 409 ? "Open one of them:" : "The closest matches:"}</p>
      <ul>
        {alt.options.map((o) => (
          <li key={o.id}>
            <Link to={replacing(location, alt.asked, o.id)}>{o.label}</Link>
            {o.detail ? <span className="muted"> · {o.detail}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorState({ error, onRetry, children }: { error: ApiError; onRetry?: () => void; children?: ReactNode }) {
  const { title, body, icon } = explain(error);
  return (
    <div className="state state--error" role="alert" data-error-code={error.code}>
      <div className="state__icon">{icon}</div>
      <h2>{title}</h2>
      <p className="state__body">{body}</p>
      <Alternatives error={error} />
      {children}
      {(error.status === 404 || error.status === 400 || error.status === 409) && (
        <Link className="btn btn--secondary" to={scopedLink("/")}>
          Back to the overview
        </Link>
      )}
      {onRetry && error.status !== 404 && error.status !== 400 && error.status !== 409 && (
        <button type="button" className="btn btn--primary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
