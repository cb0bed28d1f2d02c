/**
 * Explore: a node's neighbourhood at depth 1–3; double-click (or X) expands a node's own neighbours, C collapses.
 * Focus, depth, expansions and collapses are in the URL, so a reload draws the same picture.
 */
import type { Elements, NeighborhoodResponse, TableResponse } from "@contract/api";
import { parseNodeId } from "@contract/ids";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router";

import { GraphScreen } from "./LazyGraphScreen";
import { api } from "../api/endpoints";
import { ApiError } from "../api/http";
import { useApi } from "../api/useApi";
import { KindIcon } from "../components/KindIcon";
import { ResultList } from "../components/ResultList";
import { Empty, ErrorState, Loading } from "../components/States";
import { collapseNode, edgesAround, mergeElements } from "../graph/elements";
import { KIND_LOOK } from "../graph/kinds";
import { elementRows } from "../lib/rows";
import { DEPTHS, readDepth, readList, withParam } from "../lib/urlState";


export function ExploreView() {
  const routeParams = useParams();
  const name = routeParams.name ? (routeParams.system ? `${routeParams.system}/${routeParams.name}` : routeParams.name) : undefined;
  const [params, setParams] = useSearchParams();
  // /tables/:name names a table by name (or system/name): the server resolves it to its id.
  const table = useApi<TableResponse>(name ? `table-by-name:${name}` : null, (s) => api.table(name!, s));
  const focus = name ? (table.data?.table.id ?? "") : (params.get("focus") ?? "");
  const depth = readDepth(params);
  const expanded = readList(params, "expand");
  const collapsed = readList(params, "collapse");
  const base = useApi<NeighborhoodResponse>(focus ? `nb:${focus}:${depth}` : null, (s) => api.neighborhood(focus, depth, s));
  const [extra, setExtra] = useState<Record<string, Elements>>({});
  const [expandError, setExpandError] = useState<ApiError | null>(null);

  // Expansions named in the URL are fetched (once each) and merged in.
  const expandedKey = expanded.join(",");
  useEffect(() => {
    const missing = expanded.filter((id) => !extra[id]);
    if (missing.length === 0) return;
    const ctrl = new AbortController();
    Promise.all(missing.map((id) => api.neighborhood(id, 1, ctrl.signal).then((r) => [id, r.elements] as const))).then(
      (pairs) => setExtra((x) => ({ ...x, ...Object.fromEntries(pairs) })),
      (err: unknown) => {
        if (!ctrl.signal.aborted) setExpandError(err instanceof ApiError ? err : new ApiError(0, "BAD_RESPONSE", String(err)));
      },
    );
    return () => ctrl.abort();
  }, [expandedKey]);

  const roots = useMemo(() => [focus], [focus]);
  const elements = useMemo(() => {
    if (!base.data) return null;
    let merged = mergeElements(base.data.elements, ...expanded.map((id) => extra[id]).filter((e): e is Elements => !!e));
    for (const id of collapsed) merged = collapseNode(merged, id, roots);
    return depth === 1 ? edgesAround(merged, [focus, ...expanded]) : merged;
  }, [base.data, extra, expandedKey, collapsed.join(","), roots, depth, focus]);

  const onExpand = useCallback(
    (id: string) => {
      setParams(
        (p) => {
          const ex = readList(p, "expand");
          const co = readList(p, "collapse").filter((c) => c !== id);
          return withParam(withParam(withParam(p, "expand", ex.includes(id) ? ex : [...ex, id]), "collapse", co), "node", id);
        },
        { replace: false },
      );
    },
    [setParams],
  );
  const onCollapse = useCallback(
    (id: string) => {
      setParams((p) => {
        const ex = readList(p, "expand").filter((e) => e !== id);
        const co = readList(p, "collapse");
        return withParam(withParam(p, "expand", ex), "collapse", co.includes(id) ? co : [...co, id]);
      });
    },
    [setParams],
  );

  if (name && table.status === "loading") return <Loading what={`table ${name}`} />;
  if (name && table.status === "error") return <ErrorState error={table.error} onRetry={table.reload} />;
  if (!focus) return <Empty title="Nothing to explore">Search for a table, column, vendor or category to start.</Empty>;
  if (base.status === "loading") return <Loading what="the neighbourhood" />;
  if (base.status === "error") return <ErrorState error={base.error} onRetry={base.reload} />;
  const p = parseNodeId(focus);
  const label = base.data.elements.nodes.find((n) => n.data.id === focus)?.data.label ?? p?.key ?? focus;
  const rows = elementRows(elements!, (k) => (k in KIND_LOOK ? KIND_LOOK[k as keyof typeof KIND_LOOK].name : k));
  return (
    <GraphScreen
      title={`Around ${p ? `${KIND_LOOK[p.kind].name.toLowerCase()} ` : ""}${label}`}
      subtitle={`Everything within ${depth} step${depth === 1 ? "" : "s"}${expanded.length ? `, plus ${expanded.length} expanded node${expanded.length === 1 ? "" : "s"}` : ""}.`}
      elements={elements!}
      roots={roots}
      lanes
      mergeEdges
      truncated={base.data.truncated}
      omitted={base.data.omitted}
      truncatedHint="narrow it with a smaller depth, or explore from a more specific node"
      onExpand={onExpand}
      onCollapse={onCollapse}
      {...(name ? { defaultSelected: focus } : {})}
      toolbar={
        <label className="depth">
          Depth
          <select value={depth} onChange={(e) => setParams((q) => withParam(withParam(withParam(q, "depth", e.target.value), "expand", null), "collapse", null))}>
            {DEPTHS.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      }
      results={
        <>
          {expandError && <ErrorState error={expandError} />}
          <ResultList
            title={`Nodes around ${label}`}
            set={rows}
            rowKey={(r) => r.id}
            testId="explore-list"
            summary={`${rows.rows.length} nodes`}
            renderRow={(r) => {
              const k = parseNodeId(r.id)?.kind;
              return (
                <button type="button" className="row-button" onClick={() => setParams((q) => withParam(q, "node", r.id), { replace: true })}>
                  <span className="row-button__main">
                    {k && <KindIcon kind={k} />} <strong>{r.label}</strong>
                  </span>
                  <span className="row-button__meta">
                    {r.kind}
                    {r.system ? ` · ${r.system}` : ""}
                  </span>
                </button>
              );
            }}
          />
        </>
      }
    />
  );
}
