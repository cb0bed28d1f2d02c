import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";
import { parse } from "yaml";

import { CatalogueLookup, readFideslangMap } from "./catalogue.lookup.js";
import { inventoryToFidesDataset } from "./fides.export.js";
import { parseFidesManifest, parseFidesManifests } from "./fides.import.js";
import { parseImportText } from "./import.service.js";
import { readCatalogue } from "../inventory/inventory.parse.js";
import type { Inventory } from "../inventory/inventory.schema.js";
import { CATALOGUE_DIR, REPO_ROOT, builtInInventoryFiles } from "../inventory/paths.js";

const lookup = new CatalogueLookup(await readCatalogue(CATALOGUE_DIR), await readFideslangMap(CATALOGUE_DIR));

/** What a round trip must keep: described tables, their columns (personal or not, category), and every reference. */
function shape(inv: Inventory) {
  return {
    tables: inv.entities
      .filter((e) => e.columns.length > 0)
      .map((e) => ({ table: e.name, columns: e.columns.map((c) => `${c.name} ${c.kind === "personal" ? c.category : "-"}`) }))
      .sort((a, b) => a.table.localeCompare(b.table)),
    references: [
      ...new Set([
        ...inv.entities.flatMap((e) => e.columns.filter((c) => c.references).map((c) => `${e.name}.${c.name} → ${c.references}`)),
        ...inv.references.flatMap((r) => r.columns.map((c) => `${r.from}.${c} → ${r.to}`)),
      ]),
    ].sort(),
  };
}

function roundTrip(inv: Inventory): Inventory {
  const { text } = inventoryToFidesDataset(inv, lookup);
  return parseFidesManifest("exported.yml", text, lookup).inventory;
}

describe("inventoryToFidesDataset", () => {
  const fixtures = ["import/acme-shop.yaml", "import/helpdesk.csv", "import/fides-crm.yml"].map((f) => path.join(REPO_ROOT, "test", "fixtures", f));

  it.each(fixtures)("re-imports %s with the same tables, columns, categories and references", (file) => {
    const inv = parseImportText(file, readFileSync(file, "utf8"), lookup).inventory;
    const back = roundTrip(inv);
    expect(shape(back)).toEqual(shape(inv));
    expect(shape(inv).references.length).toBeGreaterThan(0);
  });

  it("re-imports every built-in inventory with the same personal columns, categories and references", async () => {
    for (const file of await builtInInventoryFiles()) {
      const inv = parseImportText(file, readFileSync(file, "utf8"), lookup).inventory;
      const back = shape(roundTrip(inv));
      const original = shape(inv);
      // A reference column whose target the document does not name cannot be stated in fideslang (a reference
      // names its target field), so it comes back as a plain non-personal column: both print as "-".
      expect(back, file).toEqual(original);
    }
  });

  it("writes fideslang: one dataset keyed by the system, collections, fields with category keys and directed references", () => {
    const file = path.join(REPO_ROOT, "test", "fixtures", "import", "acme-shop.yaml");
    const inv = parseImportText(file, readFileSync(file, "utf8"), lookup).inventory;
    const { text, warnings } = inventoryToFidesDataset(inv, lookup);
    const doc = parse(text) as { dataset: { fides_key: string; collections: { name: string; fields: Record<string, unknown>[] }[] }[] };

    // Our purposes name no fideslang data use: said, never invented.
    expect(warnings).toEqual(["orders", "newsletter"].map((p) => `purpose '${p}' states no fideslang data use: exported as '${p}', to be replaced by a data use of the taxonomy before \`fides push\``));
    expect(doc.dataset[0]!.fides_key).toBe("fixture_acme_shop");
    const order = doc.dataset[0]!.collections.find((c) => c.name === "Shop_Order")!;
    expect(order.fields).toEqual([
      { name: "OrderID", data_categories: ["system.operations"] },
      { name: "UserID", data_categories: ["system.operations"], fides_meta: { references: [{ dataset: "fixture_acme_shop", field: "users.id", direction: "from" }] } },
      { name: "DeliveryAddress", data_categories: ["user.contact.address"] },
    ]);
  });

  it("nests parent/child columns again", () => {
    const file = path.join(REPO_ROOT, "test", "fixtures", "import", "fides-crm.yml");
    const inv = parseImportText(file, readFileSync(file, "utf8"), lookup).inventory;
    const doc = parse(inventoryToFidesDataset(inv, lookup).text) as { dataset: { collections: { name: string; fields: { name: string; fields?: { name: string }[] }[] }[] }[] };
    const users = doc.dataset[0]!.collections.find((c) => c.name === "users")!;
    expect(users.fields.find((f) => f.name === "address")!.fields!.map((f) => f.name)).toEqual(["street", "city"]);
  });

  it("exports the system too (declarations, egress to vendors and to our other systems, dataset reference), and a round trip of two systems is stable", () => {
    const read = (name: string) => {
      const file = path.join(REPO_ROOT, "test", "fixtures", "estate", name);
      return parseImportText(file, readFileSync(file, "utf8"), lookup).inventory;
    };
    const trip = (invs: Inventory[]) => parseFidesManifests(invs.map((inv) => ({ file: `${inv.system.id}.yml`, text: inventoryToFidesDataset(inv, lookup).text })), lookup).map((i) => i.inventory);
    const facts = (inv: Inventory) => ({
      system: inv.system.id,
      purposes: inv.purposes.map((p) => [p.name, p.vendors]),
      vendors: inv.vendors.map((v) => [v.vendor.id, [...v.receives].sort()]),
      systemFlows: inv.systemFlows,
      tables: shape(inv).tables,
    });

    const exported = inventoryToFidesDataset(read("estate-shop.yaml"), lookup).system;
    expect(exported).toMatchObject({
      fides_key: "estate_shop",
      dataset_references: ["estate_shop"],
      egress: [
        { fides_key: "estate_crm", type: "system", data_categories: ["user.contact.email", "user.name"] },
        { fides_key: "estate_warehouse", type: "system", data_categories: ["user.contact.email"] },
      ],
    });
    const once = trip([read("estate-shop.yaml"), read("estate-crm.yaml")]);
    const twice = trip(once);
    // The CRM is in the manifests: a flow between our systems (fideslang carries its categories, not which table lands
    // where); the warehouse is neither in them nor loaded: a recipient like a vendor, as Fides has it.
    expect(once.find((i) => i.system.id === "estate-shop")?.systemFlows).toEqual([{ to: "estate-crm", copies: [], categories: ["email-address", "name"] }]);
    expect(once.find((i) => i.system.id === "estate-shop")?.vendors.map((v) => v.vendor.id)).toEqual(["estate-warehouse"]);
    expect(twice.map(facts)).toEqual(once.map(facts));
  });
});

describe("inventoryToFidesDataset: the records-of-processing facts", () => {
  it("writes the organisation as an organization resource and the role, legal entity and security as a system resource, which import back", () => {
    const [file] = ["import/acme-shop.yaml"].map((f) => path.join(REPO_ROOT, "test", "fixtures", f));
    const base = parseImportText(file!, readFileSync(file!, "utf8"), lookup).inventory;
    const inv: Inventory = {
      ...base,
      system: { ...base.system, role: "controller", legalEntity: { name: "Acme Shop BV" }, security: { encryptionAtRest: true, notes: "SSO with MFA" } },
      organisation: { name: "Acme Shop BV", contact: "privacy@acme.example", address: "Damrak 1, Amsterdam", dpo: { name: "D. P. O.", contact: "dpo@acme.example" } },
    };

    const { text, warnings } = inventoryToFidesDataset(inv, lookup);
    const manifest = parse(text) as { organization: unknown[]; system: { responsibility: string[]; data_security_practices: string }[] };
    expect(manifest.system[0]).toMatchObject({ responsibility: ["Controller"], legal_name: "Acme Shop BV", dpo: "dpo@acme.example", data_security_practices: "encryption at rest: yes; SSO with MFA" });
    expect(warnings.filter((w) => w.includes("processing activit"))).toEqual([]);

    const back = parseFidesManifest("exported.yml", text, lookup).inventory;
    expect(back.organisation).toEqual(inv.organisation);
    expect(back.system).toMatchObject({ id: inv.system.id, role: "controller", legalEntity: { name: "Acme Shop BV" }, security: { notes: "encryption at rest: yes; SSO with MFA" } });
    expect(shape(back)).toEqual(shape(inv));
  });
});
