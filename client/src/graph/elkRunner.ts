/** Runs ELK off the main thread: elkjs's own worker script, loaded as a separate asset. */
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
