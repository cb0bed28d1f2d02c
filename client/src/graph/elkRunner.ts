/** Runs ELK off the main thread: elkjs's own worker script, loaded as a separate asset. */
import ELK from "elkjs/lib/elk-api";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";

import type { GraphModel } from "./elements";
import { fromElkResult, toElkGraph, type LayoutRequest, type LayoutResult } from "./layout";

let elk: InstanceType<typeof ELK> | null = null;

/**
 * Starts the worker (fetching and compiling ELK's 1.5 MB script) while the view's answer is still loading, so the
 * first small layout does not wait for it.
 */
export function warmLayout(): void {
  elk ??= new ELK({ workerUrl: elkWorkerUrl });
}

export async function runLayout(model: GraphModel, req: LayoutRequest): Promise<LayoutResult> {
  warmLayout();
  const result = await elk!.layout(toElkGraph(model, req));
  return fromElkResult(result, model);
}
