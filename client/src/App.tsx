import cytoscape from "cytoscape";
import { useEffect, useRef, useState } from "react";

import type { OverviewResponse } from "@contract/api";

/** Skeleton: draws the overview graph from the API. */
export function App() {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cy: cytoscape.Core | undefined;
    fetch("/api/overview")
      .then(async (r) => {
        if (!r.ok) throw new Error(`API answered ${r.status}`);
        return (await r.json()) as OverviewResponse;
      })
      .then((data) => {
        cy = cytoscape({ container: ref.current, elements: [...data.elements.nodes, ...data.elements.edges], layout: { name: "breadthfirst" } });
      })
      .catch((e: unknown) => setError(String(e)));
    return () => cy?.destroy();
  }, []);
  return (
    <main style={{ height: "100vh", display: "flex", flexDirection: "column" }}>
      <h1>Personal-data lineage explorer</h1>
      {error && <p role="alert">{error}</p>}
      <div ref={ref} data-testid="graph" style={{ flex: 1 }} />
    </main>
  );
}
