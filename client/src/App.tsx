/** The shell: header with navigation, search and database status; one route per view (every view is a URL). */
import type { HealthResponse, OverviewResponse } from "@contract/api";
import { parseNodeId } from "@contract/ids";
import { useEffect, useMemo, useRef } from "react";
import { BrowserRouter, NavLink, Route, Routes, useLocation, useNavigate } from "react-router";

import { api } from "./api/endpoints";
import { useApi } from "./api/useApi";
import { SearchBox } from "./components/SearchBox";
import { Empty } from "./components/States";
import { SystemPicker } from "./components/SystemPicker";
import { warmLayout } from "./graph/elkRunner";
import { exploreLink } from "./lib/links";
import { keepSystems } from "./lib/urlState";
import { ExploreView } from "./views/ExploreView";
import { OverviewView } from "./views/OverviewView";
import { PathsView } from "./views/PathsView";
import { ReferencedByView } from "./views/ReferencedByView";
import { TraceView } from "./views/TraceView";
import { VendorsView } from "./views/VendorsView";
import { WhereView } from "./views/WhereView";
import { DatasetContext, FocusContext, type FocusHook } from "./views/context";

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
  // The layout worker starts while the first answer loads, not after it.
  useEffect(() => warmLayout(), []);
  return (
    <BrowserRouter>
      <Shell />
    </BrowserRouter>
  );
}
