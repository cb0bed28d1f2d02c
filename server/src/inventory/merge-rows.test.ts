import { describe, expect, it } from "vitest";

import { inventoriesToGraph } from "./inventory.graph.js";
import { readCatalogue, readInventory } from "./inventory.parse.js";
import { parseInventoryText } from "./inventory.parse.js";
import { builtInInventoryFiles, CATALOGUE_DIR } from "./paths.js";
import { citeFiles, mergeRows } from "./seed.service.js";
import { generateEstate } from "../../../bench/estate.js";
import { toYaml } from "../../../bench/generate.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);

describe("mergeRows", () => {
  it("gives what building the rows of all files at once gives: the built-in data and a generated estate with flows between systems", async () => {
    const files = await builtInInventoryFiles();
    const builtIn = await Promise.all(files.map(async (file) => ({ file, inventory: await readInventory(file, catalogue) })));
    citeFiles(builtIn);
    const estate = generateEstate({
      scale: "S",
      seed: 12,
      sharedNames: true,
      categories: [...catalogue.categories.keys()],
      countries: [...catalogue.countries.values()].map((c) => ({ code: c.code, eea: c.eea })),
    }).map((f) => parseInventoryText(f.name, toYaml(f), catalogue));
    for (const inventories of [builtIn.map((p) => p.inventory), estate, [...builtIn.map((p) => p.inventory), ...estate]]) {
      const merged = mergeRows(inventories.map((inv) => inventoriesToGraph([inv], catalogue)));
      expect(merged).toEqual(inventoriesToGraph(inventories, catalogue));
    }
  });
});
