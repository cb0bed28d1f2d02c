import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { REPO_ROOT } from "../../server/src/inventory/paths.js";
import { testGraph } from "../support/graph.js";

/** The counts table of seed/README.md, as { system: { column: number } }. */
function documentedCounts(): Record<string, Record<string, number>> {
  const text = readFileSync(path.join(REPO_ROOT, "seed", "README.md"), "utf8");
  const block = /<!-- counts:start -->([\s\S]*?)<!-- counts:end -->/.exec(text)?.[1];
  if (!block) throw new Error("seed/README.md has no counts table");
  const rows = block.trim().split("\n").filter((l) => l.startsWith("|") && !l.startsWith("|---"));
  const cells = (l: string) => l.split("|").slice(1, -1).map((c) => c.trim());
  const header = cells(rows[0]!);
  return Object.fromEntries(
    rows.slice(1).map((l) => {
      const [system, ...values] = cells(l);
      return [system!, Object.fromEntries(header.slice(1).map((h, i) => [h, Number(values[i])]))];
    }),
  );
}

const COLUMN_OF: Record<string, string> = {
  tables: "tables",
  "mentioned tables": "mentionedTables",
  columns: "columns",
  "personal columns": "personalColumns",
  categories: "categories",
  sources: "sources",
  purposes: "purposes",
  vendors: "vendors",
  "vendor flows": "vendorFlows",
  locations: "locations",
  "table references": "tableReferences",
};

describe("the seeded graph matches the counts in seed/README.md", () => {
  const graph = testGraph();
  const documented = documentedCounts();

  it("documents all four built-in systems", () => {
    expect(Object.keys(documented).sort()).toEqual(["ambassify", "kentico", "kentico-cloud", "kontent-ai"]);
  });

  it.each(Object.keys(documented))("%s", async (system) => {
    const rows = await graph.read("inventory/system-counts");
    const row = rows.find((r) => r.system === system);
    expect(row, `system ${system} is loaded`).toBeDefined();

    const measured = Object.fromEntries(Object.entries(COLUMN_OF).map(([heading, key]) => [heading, row![key]]));

    expect(measured).toEqual(documented[system]);
  });

  it("counts some 70 Kentico table names in all, as the document has", () => {
    const k = documented.kentico!;
    expect(k.tables! + k["mentioned tables"]!).toBe(69);
  });
});
