/** What every importer returns, and the helpers they share to point problems back at a line or row. */
import { fieldPath, type InventoryIssue, type InventorySource, type PathKey } from "../inventory/inventory.parse.js";
import type { Inventory, InventoryInput } from "../inventory/inventory.schema.js";

export const IMPORT_FORMATS = ["yaml", "csv", "fides", "openlineage", "assessment", "cnil-pia"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportedInventory {
  file: string;
  format: ImportFormat;
  inventory: Inventory;
  /** Things the importer could not map exactly but did not refuse (an unknown fideslang key, a guessed direction). */
  warnings: InventoryIssue[];
  /** Node ids it names that another origin of its system states (run events naming a document's tables): not written by its load. */
  borrowed?: ReadonlySet<string>;
  /** sha256 of the file's text (absent for an inventory built from OpenLineage events). */
  sha256?: string;
}

/** Where a part of a built inventory came from in the original file. */
export interface Origin {
  line: number | null;
  row?: number;
  column?: string;
  field?: string;
}

/**
 * An inventory built by an importer, with the origin of its parts: a problem found by the inventory's own
 * validation at `entities[2].columns[0].category` is reported at the row (or line) that column came from.
 */
export class BuiltSource implements InventorySource {
  private readonly origins = new Map<string, Origin>();

  constructor(
    readonly file: string,
    readonly value: InventoryInput,
  ) {}

  at(p: readonly PathKey[], origin: Origin): void {
    if (!this.origins.has(fieldPath(p))) this.origins.set(fieldPath(p), origin);
  }

  issue(p: readonly PathKey[], message: string): InventoryIssue {
    for (let n = p.length; n >= 0; n--) {
      const o = this.origins.get(fieldPath(p.slice(0, n)));
      if (o) {
        const issue: InventoryIssue = { file: this.file, line: o.line, field: o.field ?? fieldPath(p), message };
        if (o.row) Object.assign(issue, { row: o.row, column: o.column });
        return issue;
      }
    }
    return { file: this.file, line: null, field: fieldPath(p), message };
  }
}

/** Free text → a slug id (`Sales follow-up` → `sales-follow-up`); empty when nothing is left. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** `a; b ;;c` → `["a", "b", "c"]`. */
export function splitMulti(text: string): string[] {
  return text
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
}
