import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { CatalogueLookup, readFideslangMap } from "./catalogue.lookup.js";
import { parseCsvInventory } from "./csv.import.js";
import { inventoriesToGraph } from "../inventory/inventory.graph.js";
import { citeInventoryAs, InventoryValidationError, readCatalogue, type InventoryIssue } from "../inventory/inventory.parse.js";
import { CATALOGUE_DIR, REPO_ROOT } from "../inventory/paths.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const lookup = new CatalogueLookup(catalogue, await readFideslangMap(CATALOGUE_DIR));
const fixture = (name: string) => path.join(REPO_ROOT, "test", "fixtures", name);

function issuesOf(text: string): InventoryIssue[] {
  try {
    parseCsvInventory("sheet.csv", text, lookup);
  } catch (err) {
    if (err instanceof InventoryValidationError) return err.issues;
    throw err;
  }
  throw new Error("expected the sheet to be refused");
}

describe("parseCsvInventory (the spreadsheet layout)", () => {
  const file = fixture("import/helpdesk.csv");
  const { inventory: inv, warnings } = parseCsvInventory(file, readFileSync(file, "utf8"), lookup);
  const table = (name: string) => inv.entities.find((e) => e.name === name)!;

  it("cites each column and each field a vendor receives at the row of the sheet that states it (provenance)", () => {
    citeInventoryAs(inv, "helpdesk.csv");
    const { scoped, rels } = inventoriesToGraph([inv], catalogue);
    const phone = scoped.find((n) => n.id === "column:fixture-helpdesk/Helpdesk_Ticket.RequesterPhone")!;
    expect(phone.props.at).toEqual(["helpdesk.csv:4\u001fSpreadsheet helpdesk.csv\u001f"]);
    const sent = rels.find((r) => r.type === "SENT_TO" && r.from === "column:fixture-helpdesk/Helpdesk_Ticket.RequesterPhone")!;
    expect(sent.props.at).toEqual(["helpdesk.csv:4\u001fSpreadsheet helpdesk.csv\u001f"]);
    expect(scoped.find((n) => n.id === "table:fixture-helpdesk/Helpdesk_Agent")!.props.at).toEqual(["helpdesk.csv:7\u001fSpreadsheet helpdesk.csv\u001f"]);
  });

  it("makes one system of the file, one table per table name, one column per row", () => {
    expect(inv.system).toMatchObject({ id: "fixture-helpdesk", name: "Fixture Helpdesk" });
    expect(inv.entities.map((e) => [e.name, e.kind, e.columns.map((c) => c.name)])).toEqual([
      ["Helpdesk_Ticket", "table", ["TicketID", "RequesterEmail", "RequesterPhone", "AssigneeID", "Body"]],
      ["Helpdesk_Agent", "table", ["AgentID", "AgentName", "TeamID"]],
      ["Helpdesk_Team", "mentioned", []],
    ]);
  });

  it("reads a category given by name, fideslang key, name or id, keeping the sheet's wording as the label", () => {
    const cols = Object.fromEntries(inv.entities.flatMap((e) => e.columns.map((c) => [`${e.name}.${c.name}`, c])));
    expect(cols["Helpdesk_Ticket.RequesterEmail"]).toMatchObject({ kind: "personal", category: "email-address", categoryLabel: "Email" });
    expect(cols["Helpdesk_Ticket.RequesterPhone"]).toMatchObject({ kind: "personal", category: "phone-number", categoryLabel: "user.contact.phone_number" });
    expect(cols["Helpdesk_Ticket.Body"]).toMatchObject({ kind: "personal", category: "user-content" });
    expect(cols["Helpdesk_Agent.AgentName"]).toMatchObject({ kind: "personal", category: "name" });
    expect(cols["Helpdesk_Agent.AgentName"]!.categoryLabel).toBeUndefined();
    expect(cols["Helpdesk_Ticket.TicketID"]).toMatchObject({ kind: "system" });
  });

  it("turns 'references' into reference columns, naming the tables the sheet has no rows for", () => {
    expect(table("Helpdesk_Ticket").columns.find((c) => c.name === "AssigneeID")).toMatchObject({ kind: "reference", references: "Helpdesk_Agent" });
    expect(table("Helpdesk_Agent").columns.find((c) => c.name === "TeamID")).toMatchObject({ kind: "reference", references: "Helpdesk_Team" });
    expect(warnings).toEqual([expect.objectContaining({ row: 9, column: "J", field: "references" })]);
  });

  it("splits multi-values on ';' into purposes, sources, subjects and vendor flows with their countries and retention", () => {
    expect(inv.purposes.map((p) => [p.id, p.vendors])).toEqual([
      ["customer-support", ["fixture-sms-gateway"]],
      ["satisfaction-survey", ["fixture-sms-gateway"]],
    ]);
    expect(table("Helpdesk_Ticket").columns.find((c) => c.name === "RequesterEmail")!.purposes).toEqual(["customer-support", "satisfaction-survey"]);
    expect(inv.sources).toEqual([
      expect.objectContaining({ id: "support-form", feeds: ["Helpdesk_Ticket"], fills: ["Helpdesk_Ticket.RequesterEmail", "Helpdesk_Ticket.RequesterPhone", "Helpdesk_Ticket.Body"] }),
    ]);
    expect(inv.subjects).toEqual([{ id: "customer", name: "Customer" }]);
    expect(table("Helpdesk_Ticket").subjects).toEqual(["customer"]);
    expect(inv.vendors).toEqual([
      expect.objectContaining({
        vendor: { id: "fixture-sms-gateway", name: "Fixture SMS Gateway" },
        dataCountries: ["SG", "DE"],
        retention: "90 days",
        receives: ["Helpdesk_Ticket.RequesterEmail", "Helpdesk_Ticket.RequesterPhone"],
      }),
    ]);
  });

  it("keeps a retention that has no vendor on the column, and a quoted cell with commas whole", () => {
    expect(table("Helpdesk_Ticket").columns.find((c) => c.name === "Body")!.description).toBe("what the customer wrote, verbatim; Retention: 2 years");
  });

  it("tolerates headers in other case and spacing, in any order, and ignores (with a warning) columns it does not know", () => {
    const { inventory, warnings: w } = parseCsvInventory(
      "sheet.csv",
      "COLUMN , Data_Category,table,  System  ,Notes2\nEmail,email,Crm_Lead,CRM,x\n",
      lookup,
    );
    expect(inventory.entities[0]!.columns[0]).toMatchObject({ name: "Email", category: "email-address" });
    expect(w).toEqual([expect.objectContaining({ row: 1, column: "E", message: expect.stringMatching(/not part of the layout/) })]);
  });
});

describe("parseCsvInventory errors name the row and column of the sheet", () => {
  it("for an unknown category and an unknown country (the broken fixture)", () => {
    const file = fixture("import-broken/broken.csv");
    const issues = issuesOf(readFileSync(file, "utf8"));
    expect(issues.map((i) => [i.row, i.column, i.field])).toEqual([
      [3, "D", "data category"],
      [4, "H", "vendor country"],
    ]);
    expect(issues[0]!.message).toMatch(/unknown data category 'favourite colour'/);
    expect(issues[1]!.message).toMatch(/unknown country 'Atlantis'/);
  });

  it("for a missing required header", () => {
    expect(issuesOf("system,column\nCRM,Email\n")).toEqual([expect.objectContaining({ row: 1, field: "table", message: "the header has no 'table' column" })]);
  });

  it("for a second system in the same file, a bad table name and a repeated column", () => {
    const issues = issuesOf("system,table,column\nCRM,Crm_Lead,Email\nOther,Crm_Lead,Phone\nCRM,Crm Lead,Email\nCRM,Crm_Lead,Email\n");
    expect(issues.map((i) => [i.row, i.column, i.field])).toEqual([
      [3, "A", "system"],
      [4, "B", "table"],
      [5, "C", "column"],
    ]);
  });

  it("counts rows as a spreadsheet does when a cell holds a line break, and reports the file line", () => {
    const issues = issuesOf('system,table,column,description,data category\nCRM,Crm_Lead,Email,"two\nlines",nope\n');
    expect(issues).toEqual([expect.objectContaining({ row: 2, line: 3, column: "E" })]);
  });

  it("for broken CSV quoting, with its line", () => {
    const issues = issuesOf('system,table,column\nCRM,"Crm_Lead,Email\n');
    expect(issues[0]!.message).toMatch(/not valid CSV/);
  });
});

describe("seed/examples/inventory-template.csv", () => {
  it("is a valid spreadsheet inventory, so it can be copied and filled in", () => {
    const file = path.join(REPO_ROOT, "seed", "examples", "inventory-template.csv");
    const { inventory, warnings } = parseCsvInventory(file, readFileSync(file, "utf8"), lookup);
    expect(warnings).toEqual([]);
    expect(inventory.entities.map((e) => e.name)).toEqual(["Shop_Customer", "Shop_Order"]);
    expect(inventory.vendors.length).toBeGreaterThan(0);
  });
});

describe("parseCsvInventory of a tab-separated file", () => {
  it("reads cells separated by tabs when the file ends in .tsv", () => {
    const { inventory } = parseCsvInventory("sheet.tsv", "system\ttable\tcolumn\tdata category\nCRM\tCrm_Lead\tEmail\tE-mail\n", lookup);
    expect(inventory.entities[0]!.columns[0]).toMatchObject({ name: "Email", category: "email-address" });
  });

  it("reads flows into our other systems: 'Copied to' a column (stated pair) or a table (by category), 'Sent to system' by the row's category", () => {
    const sheet = [
      "System,Table,Column,Data category,Copied to,Sent to system",
      "Web Shop,Shop_Order,BuyerEmail,email-address,crm/Crm_Contact.ContactEmail,warehouse",
      "Web Shop,Shop_Order,BuyerName,name,crm/Crm_Lead,",
      "Web Shop,Shop_Order,OrderID,,,",
    ].join("\n");
    const { inventory } = parseCsvInventory("shop.csv", sheet, lookup);
    expect(inventory.systemFlows).toEqual([
      {
        to: "crm",
        copies: [
          { from: "Shop_Order", to: "Crm_Contact", columns: [{ from: "BuyerEmail", to: "ContactEmail" }] },
          { from: "Shop_Order", to: "Crm_Lead", columns: [] },
        ],
        categories: [],
      },
      { to: "warehouse", copies: [], categories: ["email-address"] },
    ]);
    expect(issuesOf("System,Table,Column,Copied to,Sent to system\nShop,T,C,crm,warehouse\n").map((i) => `${i.column} ${i.message}`)).toEqual([
      "D 'crm' must be 'system/Table.Column' or 'system/Table' (a table of another of our systems)",
      "E names a system the field is sent to, but the row has no data category (what is sent)",
    ]);
  });
});

describe("parseCsvInventory: the records-of-processing columns", () => {
  const HEADER = "System,Table,Column,Data Category,Purpose,Data subject,Processing activity,Role,Controllers served,Lawful basis,Special category condition,Activity retention,Automated decisions,Controller name,Controller contact,DPO contact,Encryption at rest,Security measures";

  it("groups the purposes of a row's processing activity, with the activity's facts and the system's organisation and security", () => {
    const { inventory: inv } = parseCsvInventory(
      "sheet.csv",
      [
        HEADER,
        "Clinic,Patient,Email,Email,Appointment reminders,Patient,Patient care,processor,Clinic A; Clinic B,Art. 6(1)(b),9(2)(h) health care,10 years,no,Clinic Ltd,privacy@clinic.example,dpo@clinic.example,yes,Access by role",
        "Clinic,Patient,Diagnosis,Health data,Treatment records,Patient,Patient care,,,,,,,,,,,",
        "Clinic,Patient,Notes,,,,,,,,,,,,,,,",
      ].join("\n"),
      lookup,
    );

    expect(inv.activities).toEqual([
      {
        id: "patient-care",
        name: "Patient care",
        purposes: ["appointment-reminders", "treatment-records"],
        subjects: ["patient"],
        role: "processor",
        controllers: ["Clinic A", "Clinic B"],
        lawfulBasis: "contract",
        specialCategoryCondition: "9(2)(h) health care",
        retention: "10 years",
        automatedDecisions: false,
      },
    ]);
    expect(inv.organisation).toEqual({ name: "Clinic Ltd", contact: "privacy@clinic.example", dpo: { contact: "dpo@clinic.example" } });
    expect(inv.system.security).toEqual({ encryptionAtRest: true, notes: "Access by role" });

    const located = parseCsvInventory("sheet.csv", ["System,Table,Column,Hosting countries,Legal entity,Legal entity country", "Clinic,Patient,Email,Germany; IRL,Clinic GmbH,DE"].join("\n"), lookup).inventory;
    expect(located.system).toMatchObject({ hostingCountries: ["DE", "IE"], legalEntity: { name: "Clinic GmbH", country: "DE" } });
  });

  it("refuses an activity whose rows disagree, a basis that is not Art. 6(1), and activity facts without an activity, naming row and column", () => {
    const issues = issuesOf(
      [
        HEADER,
        "Clinic,Patient,Email,Email,Reminders,Patient,Care,controller,,consent,,,,,,,,",
        "Clinic,Patient,Phone,Phone number,Reminders,Patient,Care,processor,,because,,,,,,,,",
        "Clinic,Patient,Notes,,,,,,,contract,,,,,,,,",
      ].join("\n"),
    );

    expect(issues.map((i) => [i.row, i.column, i.message])).toEqual(
      expect.arrayContaining([
        [3, "H", "is 'processor', but row 2 says 'controller' for activity 'Care'"],
        [3, "J", "is 'because', but row 2 says 'consent' for activity 'Care'"],
        [4, "J", "needs a 'processing activity' in the same row"],
      ]),
    );
    const basis = issuesOf([HEADER, "Clinic,Patient,Email,Email,Reminders,Patient,Care,controller,,because,,,,,,,,"].join("\n"));
    expect(basis.map((i) => [i.row, i.column, i.message])).toEqual([[2, "J", expect.stringContaining("'because' is not an Art. 6(1) basis")]]);
  });
});
