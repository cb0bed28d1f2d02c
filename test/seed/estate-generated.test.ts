/**
 * Flows between own systems at the generator's shape (issue 18 point 4): the S estate of `npm run generate`, where each
 * system feeds two others with stated column pairs, category-scoped table copies and categories sent without tables.
 * The load finds those flows' relationships by key (`relink-delete`, `system-flows`), not by walking every relationship
 * of the systems: reloading any one system, and a file that drops a copy and a whole flow, must still give exactly the
 * graph a fresh load gives.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { generateEstate } from "../../bench/estate.js";
import { toYaml } from "../../bench/generate.js";
import { readCatalogue } from "../../server/src/inventory/inventory.parse.js";
import { removeSystems } from "../../server/src/inventory/inventory.repository.js";
import { CATALOGUE_DIR } from "../../server/src/inventory/paths.js";
import { loadInventoryFiles } from "../../server/src/inventory/seed.service.js";
import { graphChecksum, graphLines } from "../support/checksum.js";
import { testGraph } from "../support/graph.js";

const graph = testGraph();
const catalogue = await readCatalogue(CATALOGUE_DIR);
const estate = generateEstate({
  scale: "S",
  seed: 12,
  sharedNames: false,
  categories: [...catalogue.categories.keys()],
  countries: [...catalogue.countries.values()].map((c) => ({ code: c.code, eea: c.eea })),
});
const SYSTEMS = estate.map((f) => f.inventory.system.id);
const dir = mkdtempSync(path.join(os.tmpdir(), "pd-lineage-estate-s-"));
const files = estate.map((f) => {
  const file = path.join(dir, f.name);
  writeFileSync(file, toYaml(f));
  return file;
});

const cross = async () => (await graphLines(graph)).relationships.filter((r) => r.includes('"crossSystem":true'));

/** What differs between two states of the graph (empty lists: none). */
async function diff(before: { nodes: string[]; relationships: string[] }) {
  const after = await graphLines(graph);
  return {
    added: [...after.nodes.filter((n) => !before.nodes.includes(n)), ...after.relationships.filter((r) => !before.relationships.includes(r))],
    removed: [...before.nodes.filter((n) => !after.nodes.includes(n)), ...before.relationships.filter((r) => !after.relationships.includes(r))],
  };
}

describe("flows between own systems in a generated estate", () => {
  beforeAll(() => removeSystems(graph, SYSTEMS));
  afterAll(async () => {
    await removeSystems(graph, SYSTEMS);
    rmSync(dir, { recursive: true, force: true });
  });

  it("reloading each system alone, owner and target of flows alike, leaves the graph a fresh load of all three gives", async () => {
    await loadInventoryFiles(graph, files);
    const fresh = await graphLines(graph);
    const checksum = await graphChecksum(graph);
    const links = await cross();
    // Every kind of link a flow between systems makes is there: copies of tables and columns, FEEDS and SENDS_TO.
    for (const type of ["COPIED_TO", "FEEDS", "SENDS_TO"]) expect(links.filter((r) => r.includes(`"${type}"`)).length, type).toBeGreaterThan(0);
    expect(links.filter((r) => r.includes('"SENDS_TO"'))).toHaveLength(6);

    for (const file of files) {
      await loadInventoryFiles(graph, [file]);
      expect({ file, ...(await diff(fresh)) }).toEqual({ file, added: [], removed: [] });
      expect(await graphChecksum(graph)).toBe(checksum);
    }
  }, 300_000);

  it("a reloaded file that drops a copy and a whole flow loses exactly those links: the graph equals a fresh load of the changed files", async () => {
    const owner = estate[0]!;
    const flows = owner.inventory.systemFlows!;
    const withCopies = flows.findIndex((f) => (f.copies ?? []).length > 1);
    expect(withCopies).toBeGreaterThanOrEqual(0);
    const changed = structuredClone(owner);
    const kept = changed.inventory.systemFlows![withCopies]!;
    kept.copies = kept.copies!.slice(1);
    changed.inventory.systemFlows = [kept];
    const changedFile = path.join(dir, "changed", owner.name);
    rmSync(path.dirname(changedFile), { recursive: true, force: true });
    mkdirSync(path.dirname(changedFile), { recursive: true });
    writeFileSync(changedFile, toYaml(changed));
    const rest = files.slice(1);

    await loadInventoryFiles(graph, files);
    const before = (await cross()).length;
    await loadInventoryFiles(graph, [changedFile]);
    const reloaded = await graphLines(graph);
    const reloadedChecksum = await graphChecksum(graph);
    expect((await cross()).length).toBeLessThan(before);

    await removeSystems(graph, SYSTEMS);
    await loadInventoryFiles(graph, [changedFile, ...rest]);
    expect(await diff(reloaded)).toEqual({ added: [], removed: [] });
    expect(await graphChecksum(graph)).toBe(reloadedChecksum);
  }, 300_000);
});

