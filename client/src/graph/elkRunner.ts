/**
 * Runs ELK off the main thread: elkjs's own worker script (1.6 MB), a separate asset fetched and compiled only when the
 * first layout that needs ELK starts (a picture past `ELK_MAX_NODES`, `flowLayout.ts`, never does).
 */
import ELK from "elkjs/lib/elk-api";
import elkWorkerUrl from "elkjs/lib/elk-worker.min.js?url";

import type { GraphModel } from "./elements";
import { fromElkResult, toElkGraph, type LayoutRequest, type LayoutResult } from "./layout";

let elk: InstanceType<typeof ELK> | null = null;

export async function runLayout(model: GraphModel, req: LayoutRequest): Promise<LayoutResult> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl });
  const result = await elk.layout(toElkGraph(model, req));
  return fromElkResult(result, model);
}
