/** The shell: header with navigation, search and database status; one route per view (every view is a URL). */
import type { HealthResponse, OverviewResponse } from "@contract/api";
import { parseNodeId } from "@contract/ids";
import { useMemo, useRef, type ComponentType } from "react";
import { BrowserRouter, NavLink, Route, Routes, useLocation, useNavigate } from "react-router";

import { api } from "./api/endpoints";
import { useApi } from "./api/useApi";
import { SearchBox } from "./components/SearchBox";
import { Empty, Loading } from "./components/States";
import { SystemPicker } from "./components/SystemPicker";
import { exploreLink } from "./lib/links";
import { loadable, useLoaded, type Loadable } from "./lib/loadable";
import { keepSystems } from "./lib/urlState";
import { DatasetContext, FocusContext, type FocusHook } from "./views/context";

/**
 * Each view is its own chunk, fetched when its route is first shown (or earlier, by `preloadView`): the header paints
 * from the first script alone, the vendors and where lists never load Cytoscape, and the graph views share one chunk
 * with it (ELK's worker is fetched only when a layout needs it, `graph/elkRunner.ts`). A route shows its view as soon
 * as the chunk has loaded, not through React.lazy and Suspense, whose reveal React throttles (`lib/loadable.ts`).
 */
const VIEWS = {
  overview: loadable(() => import("./views/OverviewView").then((m) => m.OverviewView)),
  trace: loadable(() => import("./views/TraceView").then((m) => m.TraceView)),
  referencedBy: loadable(() => import("./views/ReferencedByView").then((m) => m.ReferencedByView)),
  explore: loadable(() => import("./views/ExploreView").then((m) => m.ExploreView)),
  vendors: loadable(() => import("./views/VendorsView").then((m) => m.VendorsView)),
  paths: loadable(() => import("./views/PathsView").then((m) => m.PathsView)),
  where: loadable(() => import("./views/WhereView").then((m) => m.WhereView)),
} satisfies Record<string, Loadable<ComponentType>>;
type ViewName = keyof typeof VIEWS;

/** A route's element: the view, or "Loading the view…" while its chunk loads. One component per view, so that a new route mounts afresh. */
function routeView(name: ViewName): ComponentType {
  return function RouteView() {
    const View = useLoaded(VIEWS[name]);
    return View ? <View /> : <Loading what="the view" />;
  };
}
const OverviewView = routeView("overview");
const TraceView = routeView("trace");
const ReferencedByView = routeView("referencedBy");
const ExploreView = routeView("explore");
const VendorsView = routeView("vendors");
const PathsView = routeView("paths");
const WhereView = routeView("where");

/** The view a path shows (as the routes below match it), or null for an unknown address. */
export function viewOf(pathname: string): ViewName | null {
  if (pathname === "/") return "overview";
  if (pathname === "/trace") return "trace";
  if (/^\/tables\/[^/]+(\/[^/]+)?\/referenced-by$/.test(pathname)) return "referencedBy";
  if (/^\/tables\/[^/]+(\/[^/]+)?$/.test(pathname) || pathname === "/explore") return "explore";
  if (pathname === "/vendors") return "vendors";
  if (pathname === "/paths") return "paths";
  if (pathname === "/where") return "where";
  return null;
}

/**
 * Starts fetching the chunk of the view at `pathname` before the shell renders. A graph view's module starts the graph
 * screen's own chunk when it runs (views/LazyGraphScreen.tsx), so the view asks for its answer before that big chunk runs.
 */
export function preloadView(pathname: string): void {
  const name = viewOf(pathname);
  if (!name) return;
  void VIEWS[name].load();
  // A graph view's own module would ask for the graph screen's chunk only once it runs: ask for it beside the view's,
  // so the two arrive together instead of one after the other.
  if (GRAPH_VIEWS.has(name)) void import("./views/GraphScreen");
}

/** The views that draw the graph (through views/LazyGraphScreen.tsx). */
const GRAPH_VIEWS: ReadonlySet<ViewName> = new Set(["overview", "trace", "referencedBy", "explore", "paths"]);

function Logo() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden>
      <rect x="1.5" y="8" width="7" height="8" rx="2" fill="#0072B2" />
      <path d="M15 4.5h5.2l2.3 3.5-2.3 3.5H15l-2.3-3.5z" fill="#E69F00" />
      <path d="M15 12.5h5.2l2.3 3.5-2.3 3.5H15l-2.3-3.5z" fill="#56B4E9" />
      <path d="M8.5 12h2.2M10.7 12c1.2 0 1-4 2.1-4M10.7 12c1.2 0 1 4 2.1 4" stroke="#3B4352" strokeWidth="1.4" fill="none" />
    </svg>
  );
}

function DbStatus() {
  const h = useApi<HealthResponse>("health", (s) => api.health(s), { pollMs: 10_000 });
  const ok = h.status === "ok";
  const text = h.status === "loading" ? "Connecting…" : ok ? `${h.data.counts.nodes.toLocaleString("en")} nodes` : "Database unreachable";
  return (
    <span className={`db-status ${ok ? "is-ok" : h.status === "loading" ? "" : "is-down"}`} title={ok ? `Neo4j ${h.data.neo4j.version}` : text}>
      <span className="db-status__dot" aria-hidden /> {text}
    </span>
  );
}

/** A system id (`system:kentico`) → the key the `systems=` parameter names (`kentico`). */
const key = (id: string) => parseNodeId(id)?.key ?? id;

function Shell() {
  const navigate = useNavigate();
  // Links the header builds keep the data set of the page on screen.
  const { search } = useLocation();
  const focusHook = useRef<FocusHook | null>(null);
  const overview = useApi<OverviewResponse>("overview", (s) => api.overview(s));
  const dataset = useMemo(
    () => ({
      systems:
        overview.data?.systems.map((s) => ({
          id: key(s.id),
          name: s.name,
          sendsTo: s.connected?.sendsTo.map(key) ?? [],
          receivesFrom: s.connected?.receivesFrom.map(key) ?? [],
        })) ?? [],
    }),
    [overview.data],
  );
  return (
    <DatasetContext value={dataset}>
      <FocusContext value={focusHook}>
        <div className="app">
          <header className="topbar">
            <NavLink to={keepSystems("/", search)} className="brand">
              <Logo />
              <span>
                Lineage <span className="brand__light">Explorer</span>
              </span>
            </NavLink>
            <nav className="nav" aria-label="Views">
              <NavLink to={keepSystems("/", search)} end>
                Overview
              </NavLink>
              <NavLink to={keepSystems("/vendors", search)}>Vendors</NavLink>
              <NavLink to={keepSystems("/paths", search)}>Paths</NavLink>
              <NavLink to={keepSystems("/where", search)}>Where does it live</NavLink>
            </nav>
            <SystemPicker systems={dataset.systems} />
            <SearchBox
              onChoose={(r) => {
                if (focusHook.current?.(r.id)) return;
                void navigate(keepSystems(`${exploreLink(r.id)}&node=${encodeURIComponent(r.id)}`, search));
              }}
            />
            <DbStatus />
          </header>
          <main className="content">
            <Routes>
              <Route path="/" element={<OverviewView />} />
              <Route path="/trace" element={<TraceView />} />
              <Route path="/tables/:name/referenced-by" element={<ReferencedByView />} />
              <Route path="/tables/:system/:name/referenced-by" element={<ReferencedByView />} />
              <Route path="/tables/:name" element={<ExploreView />} />
              <Route path="/tables/:system/:name" element={<ExploreView />} />
              <Route path="/explore" element={<ExploreView />} />
              <Route path="/vendors" element={<VendorsView />} />
              <Route path="/paths" element={<PathsView />} />
              <Route path="/where" element={<WhereView />} />
              <Route path="*" element={<Empty title="No such page">This address is not a view of the explorer. Start from the overview or search above.</Empty>} />
            </Routes>
          </main>
        </div>
      </FocusContext>
    </DatasetContext>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Shell />
    </BrowserRouter>
  );
}
