/** The spreadsheet layout's checklist columns: identity key, erasure action, vendor privacy contact. */
import { describe, expect, it } from "vitest";

import { CatalogueLookup, readFideslangMap } from "./catalogue.lookup.js";
import { parseCsvInventory } from "./csv.import.js";
import { InventoryValidationError, readCatalogue } from "../inventory/inventory.parse.js";
import { CATALOGUE_DIR } from "../inventory/paths.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const lookup = new CatalogueLookup(catalogue, await readFideslangMap(CATALOGUE_DIR));

const HEADER = "system,table,column,data category,recipient vendor,identity key,erasure action,vendor privacy contact";

function issuesOf(text: string): string[] {
  try {
    parseCsvInventory("sheet.csv", text, lookup);
  } catch (err) {
    if (err instanceof InventoryValidationError) return err.issues.map((i) => `row ${i.row} ${i.field}: ${i.message}`);
    throw err;
  }
  throw new Error("expected the sheet to be refused");
}

describe("parseCsvInventory: identity key, erasure action, vendor privacy contact", () => {
  it("takes a 'yes' identity key as the table's identity, the erasure action per field, and the vendor's privacy contact", () => {
    const sheet = [
      HEADER,
      "Shop,Shop_Customer,CustomerID,,,yes,,",
      "Shop,Shop_Customer,Email,Email address,Mailjet,,anonymize,dpo@mailjet.example",
      "Shop,Shop_Customer,InvoiceEmail,Email address,,,keep: invoices (tax law),",
      "Shop,Shop_Note,Text,Email address,Mailjet,no,erase,",
    ].join("\n");
    const { inventory } = parseCsvInventory("sheet.csv", sheet, lookup);
    const customer = inventory.entities.find((e) => e.name === "Shop_Customer")!;
    expect(customer.identity).toEqual(["CustomerID"]);
    expect(customer.columns.find((c) => c.name === "Email")!.erasure).toEqual({ action: "anonymise" });
    expect(customer.columns.find((c) => c.name === "InvoiceEmail")!.erasure).toEqual({ action: "keep", reason: "invoices (tax law)" });
    expect(customer.columns.find((c) => c.name === "CustomerID")!.erasure).toBeUndefined();
    expect(inventory.entities.find((e) => e.name === "Shop_Note")!.identity).toBeUndefined();
    expect(inventory.vendors[0]!.vendor).toMatchObject({ id: "mailjet", privacyContact: "dpo@mailjet.example" });
  });

  it("refuses an unknown identity mark or action, 'keep' without a reason, a contact without a vendor and two contacts for one vendor, naming the row", () => {
    expect(
      issuesOf(
        [
          HEADER,
          "Shop,T,A,,,maybe,,",
          "Shop,T,B,,,,delete,",
          "Shop,T,C,,,,keep,",
          "Shop,T,D,,,,,dpo@x.example",
          "Shop,T,E,Email address,Mailjet,,,a@x.example",
          "Shop,T,F,Email address,Mailjet,,,b@x.example",
        ].join("\n"),
      ),
    ).toEqual([
      "row 2 identity key: 'maybe' must be 'yes' (the field finds the data subject in its table) or empty",
      "row 3 erasure action: 'delete' must be 'erase', 'anonymise' or 'keep: <reason>'",
      "row 4 erasure action: 'keep' needs the reason the data is kept: 'keep: <reason>'",
      "row 5 vendor privacy contact: a vendor privacy contact needs a recipient vendor in the same row",
      "row 7 vendor privacy contact: is 'b@x.example', but row 6 gives Mailjet 'a@x.example'",
    ]);
  });
});
