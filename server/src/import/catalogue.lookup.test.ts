import { describe, expect, it } from "vitest";

import { CatalogueLookup, readFideslangMap } from "./catalogue.lookup.js";
import { readCatalogue, type Catalogue } from "../inventory/inventory.parse.js";
import { CATALOGUE_DIR } from "../inventory/paths.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const fides = await readFideslangMap(CATALOGUE_DIR);
const lookup = new CatalogueLookup(catalogue, fides);

/** A small catalogue of our own, so country look-ups are tested whatever the shipped countries file holds. */
function withCountries(countries: Catalogue["countries"] extends Map<string, infer C> ? C[] : never): CatalogueLookup {
  return new CatalogueLookup({ ...catalogue, countries: new Map(countries.map((c) => [c.code, c])) }, fides);
}

describe("seed/catalogue/fideslang.yaml", () => {
  it("maps every user.* key of the fideslang default taxonomy (fideslang's data_categories.py, 82 keys)", () => {
    const keys = Object.keys(fides.categories);
    expect(keys).toHaveLength(82);
    for (const parent of ["user.account", "user.biometric", "user.contact.address", "user.demographic", "user.device", "user.financial", "user.government_id", "user.health_and_medical", "user.name"]) {
      expect(keys).toContain(parent);
    }
  });

  it("maps only to categories that exist in categories.yaml", () => {
    const unknown = Object.entries(fides.categories).filter(([, id]) => !catalogue.categories.has(id));
    expect(unknown).toEqual([]);
  });

  it("maps each category's own fideslang key back to that category, so an export re-imports as the same category", () => {
    const mismatched = [...catalogue.categories.values()]
      .filter((c) => c.fideslang && fides.categories[c.fideslang] && fides.categories[c.fideslang] !== c.id)
      .map((c) => `${c.id} → ${c.fideslang} → ${fides.categories[c.fideslang!]}`);
    expect(mismatched).toEqual([]);
    expect([...catalogue.categories.values()].filter((c) => !c.fideslang).map((c) => c.id)).toEqual([]);
  });
});

describe("CatalogueLookup.category", () => {
  it.each([
    ["email-address", "email-address"],
    ["Email address", "email-address"],
    ["E-mail", "email-address"],
    ["  phone ", "phone-number"],
    ["user.contact.phone_number", "phone-number"],
    ["user.name.first", "name"],
    ["Profile picture", "photo"],
  ])("reads %j as %s", (text, id) => {
    expect(lookup.category(text)).toBe(id);
  });

  it("finds nothing for a category the catalogue does not know", () => {
    expect(lookup.category("favourite colour")).toBeUndefined();
  });
});

describe("CatalogueLookup.fideslang", () => {
  it("treats system.* keys as not personal", () => {
    expect(lookup.fideslang("system.operations")).toEqual({ kind: "system" });
    expect(lookup.fideslang("system.anything_new")).toEqual({ kind: "system" });
  });

  it("maps an extension key through its nearest parent, saying it was not exact", () => {
    expect(lookup.fideslang("user.contact.email.work")).toEqual({ kind: "personal", category: "email-address", exact: false });
  });

  it("does not know keys outside user.* and system.*", () => {
    expect(lookup.fideslang("customer.loyalty_tier")).toEqual({ kind: "unknown" });
  });
});

describe("CatalogueLookup.country", () => {
  const countries = withCountries([
    { code: "BR", alpha3: "BRA", name: "Brazil", eea: false, aliases: ["Brasil"] },
    { code: "US", alpha3: "USA", name: "United States", eea: false, aliases: ["United States of America"] },
  ]);

  it.each([
    ["BR", "BR"],
    ["bra", "BR"],
    ["Brasil", "BR"],
    ["united states of america", "US"],
    ["USA", "US"],
  ])("reads %j as %s", (text, code) => {
    expect(countries.country(text)).toBe(code);
  });

  it("finds nothing for an unknown country", () => {
    expect(countries.country("Atlantis")).toBeUndefined();
  });
});
