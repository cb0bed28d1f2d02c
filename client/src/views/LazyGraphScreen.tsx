/**
 * The graph screen as the views use it: its code (Cytoscape with it) is a chunk of its own, fetched as soon as a graph
 * view's module runs, so the view asks for its answer while that chunk and the UI font load instead of after them.
 * It is shown once both are there: node sizes are measured in the UI font (waited for briefly, as before). Not
 * React.lazy in Suspense, whose reveal React holds until 300 ms after its fallback showed (`lib/loadable.ts`).
 */
import type { GraphScreenProps } from "./GraphScreen";
import { Loading } from "../components/States";
import { fontsReady } from "../graph/measure";
import { loadable, useLoaded } from "../lib/loadable";

const FONT_WAIT_MS = 1500;
const screen = loadable(() =>
  Promise.all([import("./GraphScreen"), Promise.race([fontsReady(), new Promise((r) => setTimeout(r, FONT_WAIT_MS))])]).then(([m]) => m.GraphScreen),
);
void screen.load();

export function GraphScreen(props: GraphScreenProps) {
  const Screen = useLoaded(screen);
  return Screen ? <Screen {...props} /> : <Loading what="the graph" />;
}
