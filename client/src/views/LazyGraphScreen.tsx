/**
 * The graph screen as the views use it: its code (Cytoscape with it) is a chunk of its own, fetched as soon as a graph
 * view's module runs, so the view asks for its answer while that chunk and the UI font load instead of after them.
 * It is shown once both are there: node sizes are measured in the UI font (waited for briefly, as before).
 */
import { lazy, Suspense } from "react";

import type { GraphScreenProps } from "./GraphScreen";
import { Loading } from "../components/States";
import { fontsReady } from "../graph/measure";

const FONT_WAIT_MS = 1500;
const screen = Promise.all([import("./GraphScreen"), Promise.race([fontsReady(), new Promise((r) => setTimeout(r, FONT_WAIT_MS))])]).then(([m]) => ({ default: m.GraphScreen }));
const Screen = lazy(() => screen);

export function GraphScreen(props: GraphScreenProps) {
  return (
    <Suspense fallback={<Loading what="the graph" />}>
      <Screen {...props} />
    </Suspense>
  );
}
