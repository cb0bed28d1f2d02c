/**
 * `npm run bench:reload -- --scale S|M [--batches N]` — where a reload's time goes (a script, not a test).
 *
 * Loads the estate once with the app's loader, then replays the loader's statements for a reload step by step in
 * one transaction (the same Cypher files, the same batches), timing each statement and PROFILE-ing the slowest
 * relationship batch, and rolls back. It also times the same batches into an empty graph inside one
 * transaction, so "reload" and "first load" are compared statement by statement in one run.
 */
import os from "node:os";
import { parseArgs } from "node:util";

 
import type { ManagedTransaction, ProfiledPlan } from "neo4j-driver";

import { SCALES, type Scale } from "./estate.js";
import { DEFAULT_SEED } from "./generate.js";
import { estateFiles, withThrowawayGraph } from "./throwaway.js";
import { cypher } from "../server/src/db/cypher.js";
import { inventoriesToGraph } from "../server/src/inventory/inventory.graph.js";
import { readCatalogue, readInventory } from "../server/src/inventory/inventory.parse.js";
import { ensureSchema } from "../server/src/inventory/inventory.repository.js";
import { CATALOGUE_DIR } from "../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../server/src/inventory/seed.service.js";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "S" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    /** Stop after this many relationship batches (a slow reload at M takes many minutes per replay). */
    batches: { type: "string" },
  },
});
const MAX_BATCHES = values.batches ? Number(values.batches) : Infinity;
const SCALE = values.scale.toUpperCase() as Scale;
if (!(SCALE in SCALES)) throw new Error("--scale S|M|L");
const BATCH = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

/** The plan's operators with their db hits and rows, indented, as Neo4j Browser shows them. */
// eslint-disable-next-line @typescript-eslint/no-deprecated -- its successor QueryProfile is not exported by the driver's entry point
function planLines(p: ProfiledPlan, depth = 0): string[] {
  const me = `${"  ".repeat(depth)}${p.operatorType}  rows=${p.rows}  dbHits=${p.dbHits}${p.pageCacheMisses ? `  pageCacheMisses=${p.pageCacheMisses}` : ""}`;
  return [me, ...p.children.flatMap((c) => planLines(c, depth + 1))];
}

type Step = { step: string; ms: number };

class RollbackOnPurpose extends Error {}

async function main(): Promise<void> {
  await withThrowawayGraph(`reload-${SCALE}`, async ({ graph, neo, tmp }) => {
    const files = await estateFiles(tmp, SCALE, Number(values.seed));
    const catalogue = await readCatalogue(CATALOGUE_DIR);
    const rows = inventoriesToGraph(await Promise.all(files.map((f) => readInventory(f, catalogue))), catalogue);
    await ensureSchema(graph);

    /** The loader's statements, timed one by one; PROFILE on the relationship batch `profileBatch`. */
    const replay = async (tx: ManagedTransaction, withDelete: boolean, profileBatch: number | null): Promise<{ steps: Step[]; plan: string[] }> => {
      const steps: Step[] = [];
      let plan: string[] = [];
      const time = async (step: string, run: () => Promise<unknown>) => {
        const t = performance.now();
        await run();
        steps.push({ step, ms: Math.round(performance.now() - t) });
        // As it goes: a reload slow enough to hit the transaction timeout still shows where its time went.
        console.log(`  ${withDelete ? "reload" : "empty"}: ${step} ${steps[steps.length - 1]!.ms} ms`);
      };
      if (withDelete) await time("delete-systems", () => tx.run(cypher("seed/delete-systems"), { systems: rows.systems }));
      for (const [i, b] of chunks(rows.scoped).entries()) await time(`create-scoped-nodes #${i + 1}`, () => tx.run(cypher("seed/create-scoped-nodes"), { rows: b }));
      for (const [i, b] of chunks(rows.shared).entries()) await time(`merge-shared-nodes #${i + 1}`, () => tx.run(cypher("seed/merge-shared-nodes"), { rows: b }));
      for (const [i, b] of chunks(rows.rels).entries()) {
        if (i >= MAX_BATCHES) break;
        if (i === profileBatch) {
          await time(`create-relationships #${i + 1} (PROFILE)`, async () => {
            const res = await tx.run(`PROFILE ${cypher("seed/create-relationships")}`, { rows: b });
            if (res.summary.profile) plan = planLines(res.summary.profile);
          });
        } else await time(`create-relationships #${i + 1}`, () => tx.run(cypher("seed/create-relationships"), { rows: b }));
      }
      if (MAX_BATCHES === Infinity) await time("delete-orphans", () => tx.run(cypher("seed/delete-orphans")));
      return { steps, plan };
    };
    const inRolledBack = async (work: (tx: ManagedTransaction) => Promise<{ steps: Step[]; plan: string[] }>) => {
      let out: { steps: Step[]; plan: string[] } = { steps: [], plan: [] };
      await graph
        .writeTransaction(async (tx) => {
          out = await work(tx);
          throw new RollbackOnPurpose();
        })
        .catch((e: unknown) => {
          if (!(e instanceof RollbackOnPurpose)) throw e;
        });
      return out;
    };

    const lastBatch = Math.min(chunks(rows.rels).length, MAX_BATCHES) - 1;
    console.log(`${SCALE}: ${rows.scoped.length + rows.shared.length} nodes, ${rows.rels.length} relationships in batches of ${BATCH}; ${os.cpus().length} cores, Neo4j ${neo.version}.`);
    const first = await inRolledBack((tx) => replay(tx, false, lastBatch));
    const t = performance.now();
    await loadInventoryFiles(graph, files);
    console.log(`loaded with the app's loader in ${Math.round(performance.now() - t)} ms`);
    const again = await inRolledBack((tx) => replay(tx, true, lastBatch));

    const byStep = new Map(first.steps.map((s) => [s.step.replace(" (PROFILE)", ""), s.ms]));
    console.log("\n| statement | into an empty graph, ms | reload (after deleting the systems in the same transaction), ms |\n|---|---:|---:|");
    for (const s of again.steps) console.log(`| ${s.step} | ${byStep.get(s.step.replace(" (PROFILE)", "")) ?? "—"} | ${s.ms} |`);
    const total = (steps: Step[]) => steps.reduce((a, s) => a + s.ms, 0);
    console.log(`| **total** | ${total(first.steps)} | ${total(again.steps)} |`);
    console.log(`\nPROFILE of the last relationship batch, empty graph:\n${first.plan.join("\n")}\n\nPROFILE of the same batch on reload:\n${again.plan.join("\n")}`);
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
