/**
 * `npm run bench:search -- --scale M [--before <git rev>]` — search before and after it stopped scanning names
 * (a script, not a test). Loads the estate into a throw-away embedded Neo4j, then runs the earlier search query
 * (from git, with its prefix-only Lucene query) and the current one through the driver, interleaved so both see
 * the same machine, and prints p50/p95 of each and their PROFILE db hits.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";

 
import type { ProfiledPlan } from "neo4j-driver";

import { SCALES, type Scale } from "./estate.js";
import { percentiles } from "./stats.js";
import { estateFiles, timedQuery, withThrowawayGraph } from "./throwaway.js";
import { cypher } from "../server/src/db/cypher.js";
import { REPO_ROOT } from "../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../server/src/inventory/seed.service.js";
import { escapeLucene, luceneQuery, searchTerms } from "../server/src/search/search.query.js";

const { values } = parseArgs({
  options: { scale: { type: "string", default: "M" }, before: { type: "string", default: "6546c3f" }, n: { type: "string", default: "100" } },
});
const SCALE = values.scale.toUpperCase() as Scale;
if (!(SCALE in SCALES)) throw new Error("--scale S|M|L");
const N = Number(values.n);
const TEXTS = ["email", "s2_cust", "blue mail", "zip"];

/** The Lucene query as it was before: every word a required prefix. */
const prefixOnly = (text: string) => searchTerms(text).slice(0, 8).map((t) => `+${escapeLucene(t)}*`).join(" ");
// eslint-disable-next-line @typescript-eslint/no-deprecated -- its successor QueryProfile is not exported by the driver's entry point
const dbHits = (p: ProfiledPlan): number => p.dbHits + p.children.reduce((a, c) => a + dbHits(c), 0);

async function main(): Promise<void> {
  const before = execFileSync("git", ["show", `${values.before}:cypher/search/nodes.cypher`], { cwd: REPO_ROOT, encoding: "utf8" });
  const after = cypher("search/nodes");
  await withThrowawayGraph(`search-${SCALE}`, async ({ graph, neo, tmp }) => {
    const loaded = await loadInventoryFiles(graph, await estateFiles(tmp, SCALE));
    const params = (text: string, lucene: string) => ({ lucene, text, first: searchTerms(text)[0] ?? text, kind: null, systems: null, limit: 20, candidates: 500 });
    const run = async (query: string, p: Record<string, unknown>) => {
      const { ms, rows } = await timedQuery(graph, query, p);
      return { ms, rows: rows.length };
    };
    console.log(`${SCALE}: ${loaded.nodes} nodes, ${loaded.relationships} relationships; ${os.cpus().length} cores (shared, noisy), Neo4j ${neo.version}; ${N} runs of each, interleaved.\n`);
    console.log("| text | before p50 / p95 ms | after p50 / p95 ms | p50 before/after | db hits before → after | results before → after |\n|---|---:|---:|---:|---:|---:|");
    for (const text of TEXTS) {
      const old = params(text, prefixOnly(text));
      const now = params(text, luceneQuery(text));
      for (let i = 0; i < 5; i++) {
        await run(before, old);
        await run(after, now);
      }
      const b: number[] = [];
      const a: number[] = [];
      let rows = { before: 0, after: 0 };
      for (let i = 0; i < N; i++) {
        const x = await run(before, old);
        const y = await run(after, now);
        b.push(x.ms);
        a.push(y.ms);
        rows = { before: x.rows, after: y.rows };
      }
      const pb = percentiles(b);
      const pa = percentiles(a);
      const hb = (await graph.driver.executeQuery(`PROFILE ${before}`, old)).summary.profile;
      const ha = (await graph.driver.executeQuery(`PROFILE ${after}`, now)).summary.profile;
      console.log(`| ${text} | ${pb.p50.toFixed(1)} / ${pb.p95.toFixed(1)} | ${pa.p50.toFixed(1)} / ${pa.p95.toFixed(1)} | ${(pb.p50 / pa.p50).toFixed(1)}× | ${hb ? dbHits(hb) : "?"} → ${ha ? dbHits(ha) : "?"} | ${rows.before} → ${rows.after} |`);
    }
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
