/** A large, valid inventory (thousands of tables) so that loading it takes seconds: long enough to kill mid-load. */
import { writeFileSync } from "node:fs";

import { stringify } from "yaml";

export function writeBigInventory(file: string, tables: number): void {
  const entities = Array.from({ length: tables }, (_, i) => ({
    name: `Bulk_Table${i}`,
    label: `Bulk table ${i}`,
    subjects: ["lead"],
    columns: [
      { name: `Email${i}`, kind: "personal", category: "email-address", purposes: ["follow-up"] },
      { name: `Phone${i}`, kind: "personal", category: "phone-number", purposes: ["follow-up"] },
      { name: `ID${i}`, kind: "system" },
      ...(i > 0 ? [{ name: `Prev${i}`, kind: "reference", references: `Bulk_Table${i - 1}` }] : []),
    ],
  }));
  const inventory = {
    system: { id: "bulk-import", name: "Bulk import", kind: "self-hosted" },
    subjects: [{ id: "lead", name: "Lead" }],
    purposes: [{ id: "follow-up", name: "Follow-up" }],
    entities,
  };
  writeFileSync(file, stringify(inventory));
}
