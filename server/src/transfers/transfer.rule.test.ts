import { describe, expect, it } from "vitest";

import { transferStatus, worstStatus } from "./transfer.rule.js";
import { readCatalogue } from "../inventory/inventory.parse.js";
import { CATALOGUE_DIR } from "../inventory/paths.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);

describe("transferStatus", () => {
  it("reads the shipped catalogue: every ISO 3166-1 country, 30 in the EEA", () => {
    expect(catalogue.countries.size).toBe(249);
    expect([...catalogue.countries.values()].filter((c) => c.eea)).toHaveLength(30);
  });

  it.each([
    [["DE", "IE"], null, "eea"],
    [["GB"], null, "adequate"],
    [["CH"], null, "adequate"],
    [["JP"], null, "adequate"],
    [["IN"], null, "third-country"],
    [["AU"], "scc", "third-country"],
    [["US"], null, "third-country"],
    [["US"], "scc", "third-country"],
    [["US"], "dpf", "adequate"],
    [["IE", "US"], "dpf", "adequate"],
    [["IE", "IN"], null, "third-country"],
    [[], null, "not-stated"],
  ] as const)("%j with mechanism %s is %s", (codes, mechanism, expected) => {
    expect(transferStatus(codes, mechanism, catalogue)).toBe(expected);
  });

  it("takes the status needing most attention across flows; unknown is never taken as safe", () => {
    expect(worstStatus(["eea", "not-stated"])).toBe("not-stated");
    expect(worstStatus(["not-stated", "third-country", "adequate"])).toBe("third-country");
    expect(worstStatus([])).toBe("not-stated");
  });
});
