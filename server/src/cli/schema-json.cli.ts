/** `npm run schema:json`: writes seed/inventory.schema.json from the zod schema, for editor autocompletion. */
import { writeFileSync } from "node:fs";
import path from "node:path";

import { inventoryJsonSchema } from "../inventory/inventory.json-schema.js";
import { REPO_ROOT } from "../inventory/paths.js";

const out = path.join(REPO_ROOT, "seed", "inventory.schema.json");
writeFileSync(out, `${JSON.stringify(inventoryJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.relative(REPO_ROOT, out)}`);
