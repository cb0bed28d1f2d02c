/**
 * Country names for the places a report names by code only: a system of ours' legal entity and hosting countries
 * (no location node names them). From the catalogue, read once per process; a code the catalogue lacks is shown as is.
 */
import { readCatalogue, type Catalogue } from "../inventory/inventory.parse.js";
import { CATALOGUE_DIR } from "../inventory/paths.js";

let catalogue: Promise<Catalogue> | null = null;

export type CountryNames = () => Promise<(code: string) => string>;

export const catalogueCountryNames: CountryNames = async () => {
  const c = await (catalogue ??= readCatalogue(CATALOGUE_DIR));
  return (code) => c.countries.get(code)?.name ?? code;
};
