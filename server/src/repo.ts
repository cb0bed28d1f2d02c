/** Where the repository is on disk, for the modules that read its files (Cypher, catalogues, the built client). */
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
