import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { CatalogueLookup, readFideslangMap } from "./catalogue.lookup.js";
import { parseFidesManifest, parseFidesManifests } from "./fides.import.js";
import { InventoryValidationError, readCatalogue, type InventoryIssue } from "../inventory/inventory.parse.js";
import { CATALOGUE_DIR, REPO_ROOT } from "../inventory/paths.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);
const fides = await readFideslangMap(CATALOGUE_DIR);
const lookup = new CatalogueLookup(catalogue, fides);
const fixture = (name: string) => path.join(REPO_ROOT, "test", "fixtures", name);
const read = (name: string) => parseFidesManifest(fixture(name), readFileSync(fixture(name), "utf8"), lookup);

function issuesOf(text: string, l = lookup): InventoryIssue[] {
  try {
    parseFidesManifest("manifest.yml", text, l);
  } catch (err) {
    if (err instanceof InventoryValidationError) return err.issues;
    throw err;
  }
  throw new Error("expected the manifest to be refused");
}

describe("parseFidesManifest: a dataset", () => {
  const { inventory: inv, warnings } = read("import/fides-crm.yml");
  const columns = (table: string) => inv.entities.find((e) => e.name === table)!.columns;

  it("makes collections tables and fields columns, nested fields as parent/child", () => {
    expect(inv.entities.map((e) => [e.name, e.kind])).toEqual([
      ["users", "table"],
      ["Crm_Order", "table"],
      ["Crm_Note", "table"],
      ["Crm_Account", "table"],
      ["Crm_Contract", "mentioned"],
    ]);
    expect(columns("users").map((c) => c.name)).toEqual(["id", "email", "first_name", "work_email", "loyalty_tier", "address/street", "address/city", "created_at"]);
  });

  it("maps fideslang categories to ours; system.* is not personal; extension keys go through their parent", () => {
    expect(columns("users").map((c) => [c.name, c.kind, c.category ?? null])).toEqual([
      ["id", "system", null],
      ["email", "personal", "email-address"],
      ["first_name", "personal", "name"],
      ["work_email", "personal", "email-address"],
      ["loyalty_tier", "personal", "personal-data"],
      ["address/street", "personal", "postal-address"],
      ["address/city", "personal", "postal-address"],
      ["created_at", "system", null],
    ]);
  });

  it("keeps an unknown key as the column's label and reports it with its line", () => {
    expect(columns("users").find((c) => c.name === "loyalty_tier")!.categoryLabel).toBe("customer.loyalty_tier");
    expect(warnings).toContainEqual(expect.objectContaining({ line: 19, message: expect.stringMatching(/unknown fideslang data category 'customer.loyalty_tier'/) }));
    expect(warnings).toContainEqual(expect.objectContaining({ line: 17, message: expect.stringMatching(/'user.contact.email.work' is not in the default taxonomy/) }));
  });

  it("follows references by direction: 'from' points this field at the other collection, 'to' the other way", () => {
    expect(columns("Crm_Order").find((c) => c.name === "user_id")).toMatchObject({ kind: "reference", references: "users" });
    expect(columns("Crm_Note").find((c) => c.name === "author_id")).toMatchObject({ kind: "reference", references: "users" });
    expect(inv.references).toEqual([{ from: "Crm_Contract", columns: ["account_id"], to: "Crm_Account", form: "incoming" }]);
  });
});

describe("parseFidesManifest: a system", () => {
  const { inventory: inv } = read("import/fides-crm.yml");
  const column = (table: string, name: string) => inv.entities.find((e) => e.name === table)!.columns.find((c) => c.name === name)!;

  it("takes the system's key and name; privacy declarations become purposes of the columns they cover", () => {
    expect(inv.system).toMatchObject({ id: "fixture-fides-crm", name: "Fixture Fides CRM", kind: "self-hosted" });
    expect(inv.purposes.map((p) => [p.id, p.name, p.vendors])).toEqual([
      ["customer-support", "Customer support", ["fixture-helpdesk-saas"]],
      ["order-fulfilment", "Order fulfilment", []],
    ]);
    expect(column("users", "email").purposes).toEqual(["customer-support"]);
    expect(column("users", "address/city").purposes).toEqual(["customer-support", "order-fulfilment"]);
    expect(column("Crm_Note", "body").purposes).toEqual([]);
    expect(inv.subjects).toEqual([{ id: "customer", name: "Customer" }]);
    expect(inv.entities.find((e) => e.name === "users")!.subjects).toEqual(["customer"]);
  });

  it("makes egress systems and dependencies vendors, receiving the fields of the flow's categories; ingress sources", () => {
    expect(inv.vendors.map((v) => [v.vendor.id, v.purpose, v.receives])).toEqual([
      ["fixture-helpdesk-saas", "Customer support", ["users.email", "users.first_name", "users.work_email"]],
      ["fixture-payments", "Receives data from Fixture Fides CRM", expect.arrayContaining(["users.email", "Crm_Order.shipping_phone"])],
    ]);
    expect(inv.sources).toEqual([expect.objectContaining({ id: "signup-form", fills: ["users.email", "users.first_name", "users.work_email"] })]);
  });

  it("describes a system without datasets as one logical record per data subject, with third-country transfers (alpha-3) as countries", () => {
    const withTransfers = new CatalogueLookup(
      {
        ...catalogue,
        countries: new Map([
          ["BR", { code: "BR", alpha3: "BRA", name: "Brazil", eea: false, aliases: [] }],
          ["US", { code: "US", alpha3: "USA", name: "United States", eea: false, aliases: [] }],
        ]),
      },
      fides,
    );
    const file = fixture("import/fides-transfers.yml");
    const { inventory } = parseFidesManifest(file, readFileSync(file, "utf8"), withTransfers);
    expect(inventory.system).toMatchObject({ id: "fixture-fides-survey", kind: "saas" });
    expect(inventory.entities).toEqual([
      expect.objectContaining({
        name: "FixtureFidesSurvey_Customer",
        kind: "logical",
        subjects: ["customer"],
        columns: [
          expect.objectContaining({ name: "Email address", category: "email-address", purposes: ["customer-surveys"] }),
          expect.objectContaining({ name: "Demographic data", category: "demographic-data", categoryLabel: "user.demographic.age_range" }),
        ],
      }),
    ]);
    expect(inventory.vendors).toEqual([expect.objectContaining({ vendor: { id: "fixture-survey-host", name: "Fixture survey host" }, dataCountries: ["BR", "US"] })]);
  });
});

describe("parseFidesManifest errors name the file, line and field", () => {
  it("for a reference without 'collection.field' and a direction fideslang does not have (the broken fixture)", () => {
    const issues = issuesOf(readFileSync(fixture("import-broken/broken-fides.yml"), "utf8"));
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [10, "dataset[0].collections[0].fields[0].fides_meta.references[0].field"],
      [10, "dataset[0].collections[0].fields[0].fides_meta.references[0].direction"],
    ]);
  });

  it("for an unknown third-country code", () => {
    const issues = issuesOf("system:\n  - fides_key: s\n    privacy_declarations: []\n    system_dependencies: [x]\n    third_country_transfers: [XYZ]\n");
    expect(issues).toEqual([expect.objectContaining({ line: 5, field: "system[0].third_country_transfers[0]", message: expect.stringMatching(/unknown country 'XYZ'/) })]);
  });

  it("for a file of two systems read alone (validate): `npm run import` reads every system of the manifests", () => {
    const two = "system:\n  - { fides_key: a, privacy_declarations: [{ data_use: essential, data_categories: [user.contact.email] }] }\n  - { fides_key: b, privacy_declarations: [{ data_use: essential, data_categories: [user.name] }] }\n";
    expect(issuesOf(two)).toEqual([expect.objectContaining({ field: "system", message: expect.stringMatching(/describes 2 systems/) })]);
    expect(parseFidesManifests([{ file: "manifest.yml", text: two }], lookup).map((i) => i.inventory.system.id)).toEqual(["a", "b"]);
  });

  it("for a system defined in two files of the manifests", () => {
    const one = "system:\n  - { fides_key: a, privacy_declarations: [{ data_use: essential, data_categories: [user.name] }] }\n";
    let issues: InventoryIssue[] = [];
    try {
      parseFidesManifests([{ file: "x.yml", text: one }, { file: "y.yml", text: one }], lookup);
    } catch (err) {
      if (err instanceof InventoryValidationError) issues = err.issues;
    }
    expect(issues).toEqual([expect.objectContaining({ file: "y.yml", line: 2, message: "system 'a' is also defined in x.yml" })]);
  });

  it("for a collection name the explorer cannot hold as a table", () => {
    const issues = issuesOf("dataset:\n  - fides_key: d\n    collections:\n      - name: 2fa-codes\n        fields: []\n");
    expect(issues).toEqual([expect.objectContaining({ line: 4, field: "dataset[0].collections[0].name" })]);
  });
});

describe("parseFidesManifest: the records-of-processing fields (current fideslang shape)", () => {
  const MANIFEST = `
organization:
  - fides_key: default_organization
    name: Helpdesk Ltd
    controller: { name: Jane Roe, address: "1 Main St, Dublin", email: privacy@helpdesk.example, phone: "" }
    data_protection_officer: { name: John Doe, address: "", email: dpo@helpdesk.example, phone: "" }
    representative: { name: "", address: "", email: "", phone: "" }
system:
  - fides_key: helpdesk
    name: Helpdesk
    system_type: Service
    responsibility: [Processor]
    data_security_practices: "TLS 1.2 in transit, AES-256 at rest, SSO with MFA"
    privacy_declarations:
      - name: Ticket handling
        data_use: essential.service
        data_categories: [user.contact.email, user.health_and_medical]
        data_subjects: [customer]
        legal_basis_for_processing: Contract
        retention_period: "3 years"
        processes_special_category_data: true
        special_category_legal_basis: Explicit consent
      - name: Product analytics
        data_use: analytics
        data_categories: [user.device.ip_address]
        data_subjects: [customer]
        legal_basis_for_processing: Legitimate interests
        impact_assessment_location: https://wiki.example/lia/analytics
`;

  it("reads the organization's controller and DPO, the system's responsibility and security practices, and one activity per privacy declaration", () => {
    const { inventory: inv } = parseFidesManifest("helpdesk.yml", MANIFEST, lookup);

    expect(inv.organisation).toEqual({ name: "Helpdesk Ltd", contact: "Jane Roe, privacy@helpdesk.example", address: "1 Main St, Dublin", dpo: { name: "John Doe", contact: "dpo@helpdesk.example" } });
    expect(inv.system.role).toBe("processor");
    expect(inv.system.security).toEqual({ notes: "TLS 1.2 in transit, AES-256 at rest, SSO with MFA" });
    expect(inv.activities).toEqual([
      { id: "ticket-handling", name: "Ticket handling", purposes: ["ticket-handling"], subjects: ["customer"], lawfulBasis: "contract", specialCategoryCondition: "Explicit consent", retention: "3 years" },
      { id: "product-analytics", name: "Product analytics", purposes: ["product-analytics"], subjects: ["customer"], lawfulBasis: "legitimate-interests", liaLink: "https://wiki.example/lia/analytics" },
    ]);
  });

  it("makes Controller plus joint_controller_info a joint controller naming the others, and refuses a legal basis fideslang does not have", () => {
    const joint = MANIFEST.replace("responsibility: [Processor]", "responsibility: [Controller]\n    joint_controller_info: Partner GmbH, privacy@partner.example");
    const { inventory: inv } = parseFidesManifest("helpdesk.yml", joint, lookup);
    expect(inv.system.role).toBe("joint-controller");
    expect(inv.activities[0]!.controllers).toEqual(["Partner GmbH, privacy@partner.example"]);

    const issues = issuesOf(MANIFEST.replace("legal_basis_for_processing: Contract", "legal_basis_for_processing: Because"));
    expect(issues[0]).toMatchObject({ field: "system[0].privacy_declarations[0].legal_basis_for_processing" });
  });

  it("without an organization resource, takes the system's legal_name, legal_address and dpo", () => {
    const text = MANIFEST.slice(MANIFEST.indexOf("system:")).replace("    responsibility: [Processor]", '    responsibility: [Controller]\n    legal_name: Helpdesk SARL\n    legal_address: "2 Rue X, Paris"\n    dpo: dpo@helpdesk.example');
    const { inventory: inv } = parseFidesManifest("helpdesk.yml", text, lookup);
    expect(inv.organisation).toEqual({ name: "Helpdesk SARL", address: "2 Rue X, Paris", dpo: { contact: "dpo@helpdesk.example" } });
    expect(inv.system.legalEntity).toEqual({ name: "Helpdesk SARL" });
    expect(inv.system.role).toBe("controller");
  });
});
