import { describe, expect, it } from "vitest";

import { estateCounts, generateEstate, type EstateOptions } from "./estate.js";
import { toYaml } from "./generate.js";
import { parseInventoryText, readCatalogue } from "../server/src/inventory/inventory.parse.js";
import { CATALOGUE_DIR } from "../server/src/inventory/paths.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const base: Omit<EstateOptions, "scale"> = {
  seed: 12,
  sharedNames: false,
  categories: [...catalogue.categories.keys()],
  countries: [...catalogue.countries.values()].map((c) => ({ code: c.code, eea: c.eea })),
};

describe("generateEstate", () => {
  it("writes S inventories that the inventory parser accepts", () => {
    const files = generateEstate({ ...base, scale: "S" });
    expect(files).toHaveLength(3);
    for (const f of files) expect(() => parseInventoryText(f.name, toYaml(f), catalogue)).not.toThrow();
  });

  it("is deterministic for a seed and differs across seeds", () => {
    const a = generateEstate({ ...base, scale: "S" }).map(toYaml);
    const b = generateEstate({ ...base, scale: "S" }).map(toYaml);
    const c = generateEstate({ ...base, scale: "S", seed: 13 }).map(toYaml);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("gives M the issue's shape: 20 systems, 2,000 tables, about 40,000 columns (~40 % personal), 200 vendors", () => {
    const files = generateEstate({ ...base, scale: "M" });
    const counts = estateCounts(files);
    expect(counts).toMatchObject({ systems: 20, tables: 2000, vendors: 200 });
    expect(counts.columns).toBeGreaterThan(36_000);
    expect(counts.columns).toBeLessThan(44_000);
    expect(counts.personal / counts.columns).toBeGreaterThan(0.33);
    expect(counts.personal / counts.columns).toBeLessThan(0.45);
    const flows = files.flatMap((f) => f.inventory.vendors ?? []);
    expect(flows.some((v) => !v.entityCountry && (v.dataCountries ?? []).length === 0)).toBe(true);
    expect(flows.some((v) => v.mechanism === undefined && (v.dataCountries ?? []).some((c) => c === "US"))).toBe(true);
    const perTable = files.flatMap((f) => f.inventory.entities.map((e) => e.columns?.length ?? 0));
    expect(Math.min(...perTable)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...perTable)).toBeLessThanOrEqual(40);
  });

  it("keeps table names unique across the estate unless --shared-names", () => {
    const names = (shared: boolean) => generateEstate({ ...base, scale: "S", sharedNames: shared }).flatMap((f) => f.inventory.entities.map((e) => e.name));
    expect(new Set(names(false)).size).toBe(names(false).length);
    expect(new Set(names(true)).size).toBeLessThan(names(true).length);
  });
});
