import { describe, expect, it } from "vitest";

import { assembleRopa } from "./ropa.assemble.js";
import type { RopaSystemRow } from "./ropa.repository.js";

type Flow = RopaSystemRow["flows"][number];
const flow = (n: number, vendor: string, purpose: string, over: Partial<Flow["flow"]> = {}, places: Flow["places"] = []): Flow => ({
  vendor: { id: `vendor:${vendor.toLowerCase()}`, name: vendor },
  flow: { flow: `shop/${n}`, service: null, purpose, role: "sub-processor", retention: null, legalName: null, mechanism: null, transfer: places.length ? "third-country" : "not-stated", ...over },
  columns: [`column:shop/T.${vendor}`],
  places,
});

/** Shop declares two purposes; Mailjet is named by "Newsletter", Stripe's flow says "Billing" (a declared name), Sentry's "Error tracking" (declared nowhere). */
const SHOP: RopaSystemRow = {
  system: { system: "shop", name: "Shop", documentTitle: null },
  purposes: [
    { id: "purpose:shop/newsletter", name: "Newsletter", vendors: ["vendor:mailjet"], columns: ["column:shop/T.Email"] },
    { id: "purpose:shop/billing", name: "Billing", vendors: [], columns: [] },
  ],
  flows: [
    flow(0, "Mailjet", "Newsletter delivery", { mechanism: "scc", retention: "30 days" }, [{ type: "LOCATED_IN", code: "US", name: "United States" }]),
    flow(1, "Stripe", "billing", { transfer: "eea" }, [{ type: "STORES_DATA_IN", code: "IE", name: "Ireland" }]),
    flow(2, "Sentry", "Error tracking"),
  ],
  columns: [
    { id: "column:shop/T.Email", category: "Email address", subjects: ["Customer"] },
    { id: "column:shop/T.Mailjet", category: "Email address", subjects: ["Customer"] },
    { id: "column:shop/T.Stripe", category: "Payment data", subjects: ["Customer"] },
    { id: "column:shop/T.Sentry", category: "IP address", subjects: ["Visitor"] },
  ],
};

describe("assembleRopa", () => {
  it("makes one record per declared purpose, and one per purpose text of the flows no declared purpose takes", () => {
    const rows = assembleRopa([SHOP]);

    expect(rows.map((r) => [r.purpose, r.purposeFrom, r.recipients.map((x) => x.vendor)])).toEqual([
      ["Billing", "purpose", ["Stripe"]],
      ["Newsletter", "purpose", ["Mailjet"]],
      ["Error tracking", "vendor-flow", ["Sentry"]],
    ]);
  });

  it("states transfers outside the EEA with their safeguard, and 'not documented' where the inventory is silent", () => {
    const [billing, newsletter, errors] = assembleRopa([SHOP]);

    expect(newsletter!.transfers).toEqual([{ vendor: "Mailjet", flow: "shop/0", countries: ["United States (US)"], transfer: "third-country", safeguard: "standard contractual clauses (Art. 46)" }]);
    expect(newsletter!.categories).toEqual(["Email address"]);
    expect(newsletter!.retention).toEqual(["Mailjet: 30 days"]);
    expect(billing!.transfers).toEqual([]);
    expect(errors!.transfers[0]).toMatchObject({ countries: [], transfer: "not-stated", safeguard: "not documented" });
    expect(errors!.retention).toEqual(["Sentry: not documented"]);
    expect(errors!.subjects).toEqual(["Visitor"]);
  });
});
