import type { HealthResponse } from "../contract/api.js";
import type { Graph } from "../db/graph.js";

export async function getHealth(graph: Graph): Promise<HealthResponse> {
  const [neo4j, rows] = await Promise.all([graph.serverInfo(), graph.read("health/counts")]);
  const row = rows[0] ?? {};
  return { status: "ok", neo4j, counts: { nodes: Number(row.nodes ?? 0), relationships: Number(row.relationships ?? 0) } };
}
