import "@fontsource-variable/inter";
import "./styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App, preloadView } from "./App";
import { fontsReady } from "./graph/measure";

preloadView(window.location.pathname);
// Node sizes are measured in the UI font: wait for it (briefly) before the first graph is drawn.
void Promise.race([fontsReady(), new Promise((r) => setTimeout(r, 1500))]).then(() => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
