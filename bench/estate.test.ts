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

  it("adds flows between own systems that the parser accepts and that name tables and columns the other system has", () => {
    for (const scale of ["S", "M"] as const) {
      const files = generateEstate({ ...base, scale });
      const bySystem = new Map(files.map((f) => [f.inventory.system.id, f.inventory]));
      const styles = { stated: 0, categoryScoped: 0, categories: 0 };
      for (const f of files) {
        const flows = f.inventory.systemFlows ?? [];
        // Each system feeds two others, never itself, each once.
        expect(flows.map((x) => x.to)).toHaveLength(2);
        expect(new Set(flows.map((x) => x.to)).size).toBe(2);
        expect(flows.map((x) => x.to)).not.toContain(f.inventory.system.id);
        for (const flow of flows) {
          const target = bySystem.get(flow.to);
          expect(target, flow.to).toBeDefined();
          if ((flow.copies ?? []).length === 0) styles.categories++;
          for (const c of flow.copies ?? []) {
            const into = target!.entities.find((e) => e.name === c.to);
            expect(into, `${flow.to}: ${c.to}`).toBeDefined();
            if ((c.columns ?? []).length === 0) styles.categoryScoped++;
            else styles.stated++;
            for (const m of c.columns ?? []) expect(into!.columns?.map((x) => x.name), `${c.to}.${m.to}`).toContain(m.to);
          }
        }
      }
      // All three ways of stating a flow between systems are present.
      expect(styles.stated).toBeGreaterThan(0);
      expect(styles.categoryScoped).toBeGreaterThan(0);
      expect(styles.categories).toBeGreaterThan(0);
      if (scale === "S") for (const f of files) expect(() => parseInventoryText(f.name, toYaml(f), catalogue)).not.toThrow();
      else {
        expect(estateCounts(files)).toMatchObject({ systemFlows: 40 });
        // Some target systems are hosted outside the EEA, so the flows into them are transfers.
        expect(files.some((f) => (f.inventory.system.hostingCountries ?? []).includes("US"))).toBe(true);
      }
    }
  });

  it("keeps the rest of the estate as it was without the flows between systems (their own PRNG)", () => {
    const files = generateEstate({ ...base, scale: "S" });
    const counts = estateCounts(files);
    // The summary of seed 12 at S before flows between systems were added (same tables, columns and vendor flows).
    expect(counts).toMatchObject({ tables: 60, columns: 1157, vendors: 15, flows: 36 });
  });

  it("keeps table names unique across the estate unless --shared-names", () => {
    const names = (shared: boolean) => generateEstate({ ...base, scale: "S", sharedNames: shared }).flatMap((f) => f.inventory.entities.map((e) => e.name));
    expect(new Set(names(false)).size).toBe(names(false).length);
    expect(new Set(names(true)).size).toBeLessThan(names(true).length);
  });
});
