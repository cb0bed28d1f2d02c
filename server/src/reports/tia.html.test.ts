import { describe, expect, it } from "vitest";

import type { TiaFlow } from "./dpia.facts.js";
import { tiaSection } from "./tia.html.js";

const flow = (transfer: TiaFlow["flow"]["transfer"], mechanism: TiaFlow["flow"]["mechanism"]): TiaFlow => ({
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

  it("does not assess a flow whose destination is not stated", () => {
    const html = tiaSection(flow("not-stated", null), undefined);
    expect(html).toContain("Destination unknown: establish it first.");
    expect(html).not.toContain("Step 1.");
  });
});
