import "@fontsource-variable/inter";
import "./styles.css";

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App, preloadView } from "./App";

// The view's chunk loads while the shell renders; a graph waits for the UI font itself (views/LazyGraphScreen.tsx).
preloadView(window.location.pathname);
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
