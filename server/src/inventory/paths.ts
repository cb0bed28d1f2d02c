import { readdir } from "node:fs/promises";
import path from "node:path";

import { REPO_ROOT } from "../repo.js";

export { REPO_ROOT };
/** Built-in inventories, one file per system. */
export const BUILT_IN_DIR = path.join(REPO_ROOT, "seed", "inventories");
/** Shared catalogues (categories, countries) that every inventory refers to. */
export const CATALOGUE_DIR = path.join(REPO_ROOT, "seed", "catalogue");

export async function builtInInventoryFiles(): Promise<string[]> {
  const names = await readdir(BUILT_IN_DIR);
  return names.filter((n) => /\.(ya?ml|json)$/.test(n)).sort().map((n) => path.join(BUILT_IN_DIR, n));
}
