/**
 * `npm run bench:where -- --scale M [--before <git rev>] [--n 15]` — a page of the where checklist's lists before and
 * after each page query counted its own list (a script, not a test). Before, a page was its query plus `where/count`,
 * which counted all three lists; after, the page's query alone. Loads the estate into a throw-away embedded Neo4j,
 * runs both through the driver, interleaved (the order alternating per round) so both see the same machine, checks
 * they list the same items with the same total, and prints the medians and p95s of each as a Markdown table.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { parseArgs } from "node:util";

import { SCALES, type Scale } from "./estate.js";
import { percentiles } from "./stats.js";
import { estateFiles, timedQuery, withThrowawayGraph } from "./throwaway.js";
import { cypher } from "../server/src/db/cypher.js";
import { REPO_ROOT } from "../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../server/src/inventory/seed.service.js";

const { values } = parseArgs({ options: { scale: { type: "string", default: "M" }, before: { type: "string", default: "ea6456c" }, n: { type: "string", default: "15" } } });
const SCALE = values.scale.toUpperCase() as Scale;
if (!(SCALE in SCALES)) throw new Error("--scale S|M|L");
const N = Number(values.n);
const LISTS = ["columns", "tables", "referencing"] as const;
/** The pages the app asks for: the first answer's (100), then the rest 2,000 at a time. */
const PAGES = [{ skip: 0, limit: 100 }, { skip: 100, limit: 2000 }];
const ASKED = { category: "category:email-address", subject: null, system: null };
/** What identifies an item of each list, to check both versions list the same ones. */
const itemKey = { columns: (r: Record<string, unknown>) => (r.column as { key: string }).key, tables: (r: Record<string, unknown>) => (r.table as { key: string }).key, referencing: (r: Record<string, unknown>) => `${(r.table as { key: string }).key}>${String(r.references)}` };

async function main(): Promise<void> {
  const old = (name: string) => execFileSync("git", ["show", `${values.before}:cypher/where/${name}.cypher`], { cwd: REPO_ROOT, encoding: "utf8" });
  const before = { count: old("count"), columns: old("columns"), tables: old("tables"), referencing: old("referencing") };
  await withThrowawayGraph(`where-${SCALE}`, async ({ graph, neo, tmp }) => {
    const loaded = await loadInventoryFiles(graph, await estateFiles(tmp, SCALE));
    const run = (query: string, p: Record<string, unknown>) => timedQuery(graph, query, p);
    const countOf = (rows: Record<string, unknown>[], list: (typeof LISTS)[number]) => Number(rows[0]?.[list === "columns" ? "total" : list] ?? 0);
    console.log(`${SCALE}: ${loaded.nodes} nodes, ${loaded.relationships} relationships; ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(2)} at the start; Neo4j ${neo.version}; pages as the app asks for them (${PAGES.map((p) => `${p.limit} from ${p.skip}`).join(", ")}) for ${ASKED.category}; ${N} rounds, the two versions interleaved.\n`);
    console.log(`| list, page | items / total | before (${values.before}): page + where/count, p50 / p95 ms | after: the page's query, p50 / p95 ms | after / before (p50) |\n|---|---:|---:|---:|---:|`);
    for (const list of LISTS) {
      for (const { skip, limit } of PAGES) {
        const params = { ...ASKED, skip, limit };
        const b: number[] = [];
        const a: number[] = [];
        let shown = "";
        for (let round = 0; round < N + 2; round++) {
          const oldFirst = round % 2 === 0;
          const measure = async (version: "before" | "after") => {
            if (version === "after") {
              const r = await run(cypher(`where/${list}`), params);
              return { ms: r.ms, items: r.rows.filter((x) => x[list === "columns" ? "column" : "table"] !== null).map(itemKey[list]), total: Number(r.rows[0]?.total ?? 0) };
            }
            const [page, count] = await Promise.all([run(before[list], params), run(before.count, ASKED)]);
            return { ms: Math.max(page.ms, count.ms), items: page.rows.map(itemKey[list]), total: countOf(count.rows, list) };
          };
          let x, y;
          if (oldFirst) {
            x = await measure("before");
            y = await measure("after");
          } else {
            y = await measure("after");
            x = await measure("before");
          }
          if (JSON.stringify(x.items) !== JSON.stringify(y.items) || x.total !== y.total) throw new Error(`${list} from ${skip}: the versions differ (${x.items.length}/${x.total} vs ${y.items.length}/${y.total})`);
          shown = `${y.items.length} / ${y.total}`;
          // The first two rounds warm both (plans, page cache).
          if (round < 2) continue;
          b.push(x.ms);
          a.push(y.ms);
        }
        const pb = percentiles(b);
        const pa = percentiles(a);
        console.log(`| ${list}, ${limit} from ${skip} | ${shown} | ${pb.p50.toFixed(0)} / ${pb.p95.toFixed(0)} | ${pa.p50.toFixed(0)} / ${pa.p95.toFixed(0)} | ${(pa.p50 / pb.p50).toFixed(2)}× |`);
      }
    }
    console.log(`\nBefore, the service asked the page and where/count in parallel: its time is the slower of the two. Load average at the end ${os.loadavg()[0]!.toFixed(2)}.`);
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
