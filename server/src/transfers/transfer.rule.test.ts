import { describe, expect, it } from "vitest";

import { transferStatus, unstatedPlaces, worstStatus } from "./transfer.rule.js";
import { readCatalogue } from "../inventory/inventory.parse.js";
import { CATALOGUE_DIR } from "../inventory/paths.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);

describe("transferStatus", () => {
  it("reads the shipped catalogue: every ISO 3166-1 country, 30 in the EEA", () => {
    expect(catalogue.countries.size).toBe(249);
    expect([...catalogue.countries.values()].filter((c) => c.eea)).toHaveLength(30);
  });

  it.each([
    ["DE", ["IE"], null, "eea"],
    ["GB", ["GB"], null, "adequate"],
    ["CH", ["CH"], null, "adequate"],
    ["JP", ["JP"], null, "adequate"],
    ["IN", ["IN"], null, "third-country"],
    ["AU", ["AU"], "scc", "third-country"],
    ["US", ["US"], null, "third-country"],
    ["US", ["US"], "scc", "third-country"],
    ["US", ["US"], "dpf", "adequate"],
    ["IE", ["US"], "dpf", "adequate"],
    ["IE", ["IN"], null, "third-country"],
    ["US", ["DE"], null, "third-country"],
    ["GB", ["US"], null, "third-country"],
    [null, [], null, "not-stated"],
  ] as const)("entity in %s, data in %j, mechanism %s: %s", (entityCountry, dataCountries, mechanism, expected) => {
    expect(transferStatus({ entityCountry, dataCountries }, mechanism, catalogue)).toBe(expected);
  });

  it("counts a place the inventory leaves out as not stated, never as safe: an EEA entity with unstated storage is not 'eea'", () => {
    expect(transferStatus({ entityCountry: "IE", dataCountries: [] }, null, catalogue)).toBe("not-stated");
    expect(transferStatus({ entityCountry: null, dataCountries: ["DE"] }, null, catalogue)).toBe("not-stated");
    expect(transferStatus({ entityCountry: "GB", dataCountries: [] }, null, catalogue)).toBe("not-stated");
  });

  it("keeps a named third country ahead of an unstated place: a US entity with unstated storage needs a safeguard", () => {
    expect(transferStatus({ entityCountry: "US", dataCountries: [] }, null, catalogue)).toBe("third-country");
    expect(transferStatus({ entityCountry: null, dataCountries: ["IN"] }, "scc", catalogue)).toBe("third-country");
  });

  it("names the places a flow leaves out", () => {
    expect(unstatedPlaces({ entityCountry: "MT", dataCountries: [] })).toEqual(["data"]);
    expect(unstatedPlaces({ entityCountry: null, dataCountries: [] })).toEqual(["entity", "data"]);
    expect(unstatedPlaces({ entityCountry: "US", dataCountries: ["DE"] })).toEqual([]);
  });

  it("takes the status needing most attention across flows; unknown is never taken as safe", () => {
    expect(worstStatus(["eea", "not-stated"])).toBe("not-stated");
    expect(worstStatus(["not-stated", "third-country", "adequate"])).toBe("third-country");
    expect(worstStatus([])).toBe("not-stated");
  });
});
