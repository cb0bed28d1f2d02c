/**
 * Runs ELK off the main thread: elkjs's own worker script (1.6 MB), a separate asset fetched and compiled only for a
 * picture that needs ELK (one past `ELK_MAX_NODES`, `flowLayout.ts`, never does): `warmLayout` starts it as soon as
 * such a picture is on screen's way, so its compiling overlaps building the model and the canvas.
 */
import ELK from "elkjs/lib/elk-api";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";

import type { GraphModel } from "./elements";
import { fromElkResult, toElkGraph, type LayoutRequest, type LayoutResult } from "./layout";

let elk: InstanceType<typeof ELK> | null = null;

/** Starts ELK's worker (fetches and compiles its script) ahead of the layout that will use it; once per page. */
export function warmLayout(): InstanceType<typeof ELK> {
  if (!elk) {
    // For the benchmark and the tests: when the page started the worker (the fetch itself begins when the browser gets to it).
    performance.mark("graph:elk-worker");
    elk = new ELK({ workerUrl: elkWorkerUrl });
  }
  return elk;
}

export async function runLayout(model: GraphModel, req: LayoutRequest): Promise<LayoutResult> {
  const result = await warmLayout().layout(toElkGraph(model, req));
  return fromElkResult(result, model);
}
