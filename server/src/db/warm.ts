/**
 * Plans and compiles every read query once, before users ask: Neo4j's first run of a query plans it and compiles its
 * runtime (a second on an idle machine, ten and more on a busy one), which would otherwise land inside the API's
 * query timeout of the first user's request. `EXPLAIN` alone plans but does not compile, so each query really runs,
 * once, on one real system and table (its traversals warm up too), with one superset of parameters.
 */
import { cypher, cypherNames } from "./cypher.js";
import type { Graph } from "./graph.js";

/** Writes and load-time checks are not warmed: they run once per load, without the API's timeout. */
const NOT_API_READS = /^(seed|import|checks|inventory|warm)\//;

/**
 * A superset of every read query's parameters (Neo4j ignores the ones a query does not name). Types matter, not
 * values: the plan cache keys on the text and the parameters' types, so nullable ones are null as most requests send.
 */
const PARAMS: Record<string, unknown> = {
  ids: [],
  flows: [],
  vias: [],
  skip: 0,
  to: "none:none",
  systems: null,
  kind: null,
  kinds: null,
  category: null,
  subject: null,
  lucene: "none",
  text: "none",
  first: "none",
  candidates: 1,
  limit: 1,
  max: 1,
  after: null,
};

export interface WarmReport {
  queries: number;
  millis: number;
  failed: string[];
}

export async function warmQueries(graph: Graph): Promise<WarmReport> {
  const started = Date.now();
  const names = cypherNames().filter((n) => !NOT_API_READS.test(n));
  const failed: string[] = [];
  const [sample] = (await graph.driver.executeQuery(cypher("warm/sample"), {}, { routing: "READ" })).records;
  const system = (sample?.get("system") as string | null) ?? "none:none";
  const table = (sample?.get("table") as string | null) ?? "none:none";
  const params = { ...PARAMS, from: system, id: table, system: (sample?.get("name") as string | null) ?? "none", name: table };
  for (const name of names) {
    try {
      await graph.driver.executeQuery(cypher(name), params, { routing: "READ" });
    } catch (err) {
      failed.push(`${name}: ${(err as Error).message.split("\n")[0] ?? ""}`);
    }
  }
  return { queries: names.length, millis: Date.now() - started, failed };
}
