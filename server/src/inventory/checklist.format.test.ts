/** The format's facts for the access/erasure checklist: identity columns, erasure actions, a vendor's privacy contact. */
import { describe, expect, it } from "vitest";

import { inventoriesToGraph } from "./inventory.graph.js";
import { InventoryValidationError, parseInventoryText, readCatalogue } from "./inventory.parse.js";
import { CATALOGUE_DIR } from "./paths.js";

const catalogue = await readCatalogue(CATALOGUE_DIR);

const CRM = (entityExtra: string, columnExtra = "", vendorExtra = "") => `
system: { id: crm, name: CRM, kind: self-hosted }
entities:
  - name: Crm_Lead
    ${entityExtra}
    columns:
      - { name: LeadID, kind: system }
      - { name: LeadEmail, kind: personal, category: email-address${columnExtra} }
vendors:
  - vendor: { id: mailjet, name: Mailjet${vendorExtra} }
    purpose: Newsletter
    receives: [Crm_Lead.LeadEmail]
`;

function issues(text: string): string[] {
  try {
    parseInventoryText("crm.yaml", text, catalogue);
  } catch (err) {
    if (err instanceof InventoryValidationError) return err.issues.map((i) => `${i.line}: ${i.field}: ${i.message}`);
    throw err;
  }
  return [];
}

describe("identity, erasure and privacyContact in an inventory", () => {
  it("stores what is stated on the table, the column and the engagement", () => {
    const inv = parseInventoryText(
      "crm.yaml",
      CRM("identity: [LeadID]\n    erasure: { action: erase }", ", erasure: { action: keep, reason: Invoices (commercial law), retention: 10 years }", ", privacyContact: dpo@mailjet.example"),
      catalogue,
    );
    const rows = inventoriesToGraph([inv], catalogue);
    const node = (id: string) => rows.scoped.find((n) => n.id === id)!.props;
    expect(node("table:crm/Crm_Lead")).toMatchObject({ identity: ["LeadID"], erasureAction: "erase", erasureReason: null, erasureRetention: null });
    expect(node("column:crm/Crm_Lead.LeadEmail")).toMatchObject({ erasureAction: "keep", erasureReason: "Invoices (commercial law)", erasureRetention: "10 years" });
    expect(node("column:crm/Crm_Lead.LeadID")).toMatchObject({ erasureAction: null });
    expect(rows.rels.find((r) => r.type === "USES_VENDOR")!.props).toMatchObject({ privacyContact: "dpo@mailjet.example" });
  });

  it("leaves them null when the inventory does not state them (not stated, never a default)", () => {
    const rows = inventoriesToGraph([parseInventoryText("crm.yaml", CRM(""), catalogue)], catalogue);
    expect(rows.scoped.find((n) => n.id === "table:crm/Crm_Lead")!.props).toMatchObject({ identity: null, erasureAction: null });
    expect(rows.rels.find((r) => r.type === "USES_VENDOR")!.props).toMatchObject({ privacyContact: null });
  });

  it("refuses an identity column the table does not have, and 'keep' without its reason, naming line and field", () => {
    expect(issues(CRM("identity: [LeadNumber]"))).toEqual([expect.stringMatching(/^5: entities\[0\]\.identity\[0\]: 'LeadNumber' is not a column of Crm_Lead$/)]);
    expect(issues(CRM("erasure: { action: keep }"))).toEqual([expect.stringMatching(/^5: entities\[0\]\.erasure\.reason: 'keep' needs the reason the data is kept$/)]);
    expect(issues(CRM("erasure: { action: delete }"))).toEqual([expect.stringMatching(/entities\[0\]\.erasure\.action/)]);
  });
});
