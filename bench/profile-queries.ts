/**
 * `npx tsx bench/profile-queries.ts --scale M` — where the overview's and a system trace's query spend their time (a
 * script, not a test): loads the estate into a throw-away embedded Neo4j, runs each query a few times, then prints its
 * PROFILE plan with rows and db hits per operator.
 */
import { parseArgs } from "node:util";

import { SCALES, type Scale } from "./estate.js";
import { estateFiles, withThrowawayGraph } from "./throwaway.js";
import { cypher } from "../server/src/db/cypher.js";
import { loadInventoryFiles } from "../server/src/inventory/seed.service.js";

interface Plan {
  operatorType: string;
  rows: number;
  dbHits: number;
  children: Plan[];
}

const { values } = parseArgs({ options: { scale: { type: "string", default: "M" } } });
const SCALE = values.scale.toUpperCase() as Scale;
if (!(SCALE in SCALES)) throw new Error("--scale S|M|L");

function lines(p: Plan, depth = 0): string[] {
  return [`${"  ".repeat(depth)}${p.operatorType}  rows=${p.rows}  dbHits=${p.dbHits}`, ...p.children.flatMap((c) => lines(c, depth + 1))];
}

async function main(): Promise<void> {
  await withThrowawayGraph("profile", async ({ graph, tmp }) => {
    await loadInventoryFiles(graph, await estateFiles(tmp, SCALE));
    const queries: [string, string, Record<string, unknown>][] = [
      ["overview", "overview/systems", { systems: null }],
      ["trace from a system (its start columns; the reach and flows follow as flat rows)", "trace/start-columns", { from: "system:sys-008-portal" }],
    ];
    for (const [label, name, params] of queries) {
      const times: number[] = [];
      for (let i = 0; i < 12; i++) {
        const t = performance.now();
        await graph.driver.executeQuery(cypher(name), params, { routing: "READ" });
        times.push(performance.now() - t);
      }
      const res = await graph.driver.executeQuery(`PROFILE ${cypher(name)}`, params, { routing: "READ" });
      const plan = res.summary.profile as unknown as Plan;
      console.log(`\n## ${label} (\`cypher/${name}.cypher\`, ${SCALE})\n`);
      console.log(`Median of the last 10 of 12 runs: ${times.slice(2).sort((a, b) => a - b)[5]!.toFixed(1)} ms; ${res.records.length} rows.\n`);
      console.log("```");
      console.log(lines(plan).join("\n"));
      console.log("```");
    }
  }, { heapMb: 2048, pageCacheMb: 1024, queryTimeoutMs: 120_000 });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
