import { describe, expect, it } from "vitest";

import { systemTiaFlow, type SystemFlowFacts, type TiaFlow } from "./dpia.facts.js";
import { tiaDocument, tiaSection } from "./tia.html.js";

const flow = (transfer: TiaFlow["flow"]["transfer"], mechanism: TiaFlow["flow"]["mechanism"]): TiaFlow => ({
  to: "vendor",
  loaded: true,
  system: "shop",
  systemName: "Shop",
  vendorName: "Mailer",
  flow: { flow: "shop/mailer", service: null, purpose: "Newsletters", role: "processor", legalName: "Mailer Inc.", mechanism, transfer },
  fields: ["users.email"],
  categories: ["Email address"],
  places: [{ type: "LOCATED_IN", code: "US", name: "United States" }],
});
const source = { assessment: { id: "shop", name: "Shop DPIA" }, transfer: { flow: "shop/mailer", derogation: "<p>Explicit consent (Art. 49(1)(a)).</p>", supplementaryMeasures: [], law: "<p>FISA 702</p>", reevaluation: "2027-01-01" } };

describe("tiaSection", () => {
  it("takes a flow under SCCs through the six steps, with the assessment's answers", () => {
    const html = tiaSection(flow("third-country", "scc"), source);
    expect(html.match(/Step \d\./g)).toEqual(["Step 1.", "Step 2.", "Step 3.", "Step 4.", "Step 5.", "Step 6."]);
    expect(html).toContain("standard contractual clauses (Art. 46)");
    expect(html).toContain("FISA 702");
    expect(html).toContain("Re-evaluate by 2027-01-01");
    expect(html).toContain("Mailer Inc.");
  });

  it("asks a derogation for its Art. 49 justification instead of the six steps", () => {
    const html = tiaSection(flow("third-country", "derogation"), source);
    expect(html).toContain("Art. 49 derogation: justification");
    expect(html).toContain("Explicit consent (Art. 49(1)(a)).");
    expect(html).not.toContain("Step 3.");
  });

  describe("a flow into another of our systems", () => {
    const facts: SystemFlowFacts = {
      flow: "shop/to/crm",
      system: "shop",
      systemName: "Shop",
      target: "crm",
      targetName: "CRM",
      legalName: "CRM Inc.",
      entityCountry: "US",
      hostingCountries: ["US", "IE"],
      purpose: "Nightly export of buyers",
      transfer: "third-country",
      mechanism: null,
      fields: [{ field: "Orders.Email", stated: true }, { field: "Orders.Name", stated: false }],
      categories: ["Email address"],
    };
    const names = (code: string) => ({ US: "United States", IE: "Ireland" })[code] ?? code;

    it("takes it through the six steps with the system's legal entity as the data importer and its entity's and hosting countries", () => {
      const html = tiaDocument(systemTiaFlow(facts, names), undefined, "2026-12-05", "");
      expect(html).toContain("<title>Transfer impact assessment: Shop → CRM (our system)</title>");
      expect(html.match(/Step \d\./g)).toEqual(["Step 1.", "Step 2.", "Step 3.", "Step 4.", "Step 5.", "Step 6."]);
      expect(html).toContain("<dt>Data importer</dt><dd>CRM Inc., the legal entity of our system CRM</dd>");
      expect(html).toContain("<dt>Importer's entity in</dt><dd>United States</dd>");
      expect(html).toContain("<dt>Hosted in</dt><dd>United States, Ireland</dd>");
      expect(html).toContain("<dt>Fields copied</dt><dd>Orders.Email, Orders.Name [inferred (same-category)]</dd>");
      expect(html).toContain("no Art. 46 tool (SCCs, BCRs) is stated");
    });

    it("says 'not stated' for a legal entity or country the system's inventory leaves out", () => {
      const html = tiaSection(systemTiaFlow({ ...facts, legalName: null, entityCountry: null, hostingCountries: ["US"] }, names), undefined);
      expect(html).toContain('<dt>Data importer</dt><dd><span class="nd">not stated</span>, the legal entity of our system CRM</dd>');
      expect(html).toContain('<dt>Importer\'s entity in</dt><dd><span class="nd">country not stated</span></dd>');
      expect(html).toContain("<dt>Hosted in</dt><dd>United States</dd>");
    });

    it("does not assess a flow into a system not loaded: who owns it and where it is hosted are unknown", () => {
      const html = tiaSection(systemTiaFlow({ ...facts, targetName: null, target: "warehouse", legalName: null, entityCountry: null, hostingCountries: [], transfer: null, fields: [] }, names), undefined);
      expect(html).toContain("Destination unknown: establish it first.");
      expect(html).toContain("Our system warehouse is not loaded");
      expect(html).toContain("(our system, not loaded)");
      expect(html).not.toContain("Step 1.");
    });
  });

  it("does not assess a flow whose destination is not stated", () => {
    const html = tiaSection(flow("not-stated", null), undefined);
    expect(html).toContain("Destination unknown: establish it first.");
    expect(html).not.toContain("Step 1.");
  });
});
