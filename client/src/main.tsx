import "@fontsource-variable/inter";
import "./styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App, preloadView } from "./App";

// The view's chunk (and a trace's or a where checklist's answer) loads while the shell renders; a graph waits for the UI font itself (views/LazyGraphScreen.tsx).
preloadView(window.location);
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
