/**
 * The graph screen as the views use it: its code (Cytoscape with it) is a chunk of its own, fetched as soon as a graph
 * view's module runs, so the view asks for its answer while that chunk and the UI font load instead of after them.
 * It is shown once both are there: node sizes are measured in the UI font (waited for briefly, as before).
 *
 * Not React.lazy with Suspense: a lazy component suspends on its first render even when its chunk has long arrived, so
 * the answer's arrival committed the fallback, and React holds the commit that reveals a suspended boundary's content
 * until 300 ms after its fallback showed (its Suspense throttling): every graph view drew 300 ms late. Here the loaded
 * screen is rendered at once, and one still loading is shown by an ordinary state update when it arrives.
 */
import { useEffect, useState, type ComponentType } from "react";

import type { GraphScreenProps } from "./GraphScreen";
import { Loading } from "../components/States";
import { fontsReady } from "../graph/measure";

const FONT_WAIT_MS = 1500;
type Screen = ComponentType<GraphScreenProps>;
let loaded: Screen | null = null;
const screen: Promise<Screen> = Promise.all([import("./GraphScreen"), Promise.race([fontsReady(), new Promise((r) => setTimeout(r, FONT_WAIT_MS))])]).then(([m]) => (loaded = m.GraphScreen));
// Awaited by the first screen that needs it; a failure meanwhile is not an unhandled rejection.
screen.catch(() => {});

export function GraphScreen(props: GraphScreenProps) {
  const [Screen, setScreen] = useState<Screen | null>(() => loaded);
  const [failed, setFailed] = useState<Error | null>(null);
  useEffect(() => {
    if (Screen) return;
    let live = true;
    screen.then(
      (s) => {
        if (live) setScreen(() => s);
      },
      (err: unknown) => {
        if (live) setFailed(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return () => {
      live = false;
    };
  }, [Screen]);
  // As React.lazy did: a chunk that cannot load is an error of the view, not a screen loading for ever.
  if (failed) throw failed;
  return Screen ? <Screen {...props} /> : <Loading what="the graph" />;
}
