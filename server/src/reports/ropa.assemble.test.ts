import { describe, expect, it } from "vitest";

import { assembleRopa } from "./ropa.assemble.js";
import { CONTROLLER_COLUMNS, PROCESSOR_COLUMNS } from "./ropa.columns.js";
import type { RopaSystemRow } from "./ropa.repository.js";
import { NOT_DOCUMENTED } from "../contract/words.js";

type Flow = RopaSystemRow["flows"][number];
type Activity = RopaSystemRow["activities"][number];
const flow = (n: number, vendor: string, purpose: string, over: Partial<Flow["flow"]> = {}, places: Flow["places"] = []): Flow => ({
  vendor: { id: `vendor:${vendor.toLowerCase()}`, name: vendor },
  flow: { flow: `shop/${n}`, service: null, purpose, role: "sub-processor", retention: null, legalName: null, mechanism: null, transfer: places.length ? "third-country" : "not-stated", ...over },
  columns: [`column:shop/T.${vendor}`],
  places,
});
const NO_SYSTEM_FACTS = {
  role: null,
  orgName: null,
  orgContact: null,
  orgAddress: null,
  dpoName: null,
  dpoContact: null,
  repName: null,
  repContact: null,
  legalName: null,
  entityCountry: null,
  hostingCountries: null,
  loadedFile: "shop.yaml",
  loadedSha256: "ab".repeat(32),
  securityEncryptionAtRest: null,
  securityEncryptionInTransit: null,
  securityAccessControl: null,
  securityPseudonymisation: null,
  securityLogging: null,
  securityNotes: null,
} satisfies Partial<RopaSystemRow["system"]>;
const activity = (over: Partial<Activity> & Pick<Activity, "id" | "name" | "purposes">): Activity => ({
  role: null,
  controllers: null,
  lawfulBasis: null,
  legitimateInterest: null,
  liaLink: null,
  specialCategoryCondition: null,
  volume: null,
  retention: null,
  automatedDecisions: null,
  section: null,
  subjects: [],
  ...over,
});

/** Shop declares three purposes; Mailjet is named by "Newsletter", Stripe's flow says "Billing" (a declared name), Sentry's "Error tracking" (declared nowhere). */
const SHOP: RopaSystemRow = {
  system: { system: "shop", name: "Shop", documentTitle: null, ...NO_SYSTEM_FACTS },
  activities: [],
  purposes: [
    { id: "purpose:shop/newsletter", name: "Newsletter", vendors: ["vendor:mailjet"], columns: ["column:shop/T.Email"] },
    { id: "purpose:shop/billing", name: "Billing", vendors: [], columns: [] },
    { id: "purpose:shop/health-offers", name: "Health offers", vendors: [], columns: ["column:shop/T.Health"] },
  ],
  flows: [
    flow(0, "Mailjet", "Newsletter delivery", { mechanism: "scc", retention: "30 days" }, [{ type: "LOCATED_IN", code: "US", name: "United States" }]),
    flow(1, "Stripe", "billing", { transfer: "eea" }, [{ type: "STORES_DATA_IN", code: "IE", name: "Ireland" }]),
    flow(2, "Sentry", "Error tracking"),
  ],
  columns: [
    { id: "column:shop/T.Email", category: "Email address", special: false, subjects: ["Customer"], sources: ["Sign-up form"] },
    { id: "column:shop/T.Health", category: "Health data", special: true, subjects: ["Customer"], sources: [] },
    { id: "column:shop/T.Mailjet", category: "Email address", special: false, subjects: ["Customer"], sources: [] },
    { id: "column:shop/T.Stripe", category: "Payment data", special: false, subjects: ["Customer"], sources: [] },
    { id: "column:shop/T.Sentry", category: "IP address", special: false, subjects: ["Visitor"], sources: [] },
  ],
};

const withActivities = (activities: Activity[], system: Partial<RopaSystemRow["system"]> = {}): RopaSystemRow => ({ ...SHOP, system: { ...SHOP.system, ...system }, activities });

describe("assembleRopa", () => {
  it("without activities: one Art. 30(1) record per purpose, each flagged 'activity not documented', and one per purpose text of the flows no purpose takes", () => {
    const rows = assembleRopa([SHOP]);

    expect(rows.map((r) => [r.article, r.record, r.recordFrom, r.recipients.map((x) => x.vendor)])).toEqual([
      ["30(1)", "Billing", "purpose", ["Stripe"]],
      ["30(1)", "Health offers", "purpose", []],
      ["30(1)", "Newsletter", "purpose", ["Mailjet"]],
      ["30(1)", "Error tracking", "vendor-flow", ["Sentry"]],
    ]);
    for (const r of rows) expect(r.gaps).toContainEqual({ field: "Processing activity", missing: expect.stringContaining("activity not documented") });
  });

  it("keeps a vendor's retention on its recipient and the record's own retention separate; transfers read the stored status", () => {
    const [billing, , newsletter, errors] = assembleRopa([SHOP]);

    expect(newsletter!.transfers).toEqual([{ vendor: "Mailjet", flow: "shop/0", countries: ["United States (US)"], transfer: "third-country", safeguard: "standard contractual clauses (Art. 46)" }]);
    expect(newsletter!.recipients[0]!.retention).toBe("30 days");
    expect(newsletter!.retention).toBeNull();
    expect(newsletter!.gaps).toContainEqual({ field: "Retention schedule (if possible)", missing: "retention of the activity's data" });
    expect(newsletter!.sources).toEqual(["Sign-up form"]);
    expect(billing!.transfers).toEqual([]);
    expect(errors!.transfers[0]).toMatchObject({ countries: [], transfer: "not-stated", safeguard: NOT_DOCUMENTED });
    expect(errors!.gaps.map((g) => g.missing)).toEqual(expect.arrayContaining(["safeguard for the transfer to Sentry (flow shop/2)", "where Sentry holds the data (country not stated; flow shop/2)", "retention at Sentry"]));
    expect(errors!.subjects).toEqual(["Visitor"]);
  });

  it("an activity groups its purposes into one record with its lawful basis; a special category without an Art. 9(2) condition is a gap", () => {
    const rows = assembleRopa([
      withActivities([activity({ id: "marketing", name: "Marketing", purposes: ["purpose:shop/newsletter", "purpose:shop/health-offers"], role: "controller", lawfulBasis: "legitimate-interests", subjects: ["Customer"] })], {
        orgName: "Shop Ltd",
        orgContact: "privacy@shop.example",
      }),
    ]);

    expect(rows.map((r) => [r.record, r.recordFrom])).toEqual([
      ["Marketing", "activity"],
      ["Billing", "purpose"],
      ["Error tracking", "vendor-flow"],
    ]);
    const marketing = rows[0]!;
    expect(marketing.purposes).toEqual(["Health offers", "Newsletter"]);
    expect(marketing.specialCategories).toEqual(["Health data"]);
    expect(marketing.recipients.map((r) => r.vendor)).toEqual(["Mailjet"]);
    expect(marketing.gaps.map((g) => g.missing)).toEqual(expect.arrayContaining(["Art. 9(2) condition for Health data", "the legitimate interest pursued", "link to the legitimate interests assessment"]));
    expect(marketing.gaps.map((g) => g.missing)).not.toContain("lawful basis (Art. 6)");
    expect(marketing.gaps.map((g) => g.missing)).not.toContain("controller name");

    const stated = assembleRopa([withActivities([activity({ id: "marketing", name: "Marketing", purposes: ["purpose:shop/health-offers"], role: "controller", lawfulBasis: "consent", specialCategoryCondition: "9(2)(a) explicit consent" })])])[0]!;
    expect(stated.gaps.map((g) => g.field)).not.toContain("Article 9 basis for processing special category data");
  });

  it("a processor's activity is an Art. 30(2) record per controller served; its system's role applies to purposes no activity groups", () => {
    const rows = assembleRopa([
      withActivities([activity({ id: "hosting", name: "Hosting customer content", purposes: ["purpose:shop/newsletter"], role: "processor", controllers: ["Acme", "Beta"] })], { role: "processor" }),
    ]);

    expect(rows.map((r) => [r.article, r.record, r.controllerServed])).toEqual([
      ["30(2)", "Hosting customer content", "Acme"],
      ["30(2)", "Hosting customer content", "Beta"],
      ["30(2)", "Billing", null],
      ["30(2)", "Health offers", null],
      ["30(2)", "Error tracking", null],
    ]);
    expect(rows[2]!.gaps).toContainEqual({ field: "Name and contact details of controller", missing: "the controller served" });
    expect(rows[0]!.gaps.map((g) => g.field)).not.toContain("Name and contact details of controller");
  });

  it("every cell that says 'not documented' has a gap in the same column of its record", () => {
    const rows = assembleRopa([SHOP, withActivities([activity({ id: "p", name: "P", purposes: ["purpose:shop/billing"], role: "processor" })])]);
    for (const r of rows) {
      const columns = r.article === "30(2)" ? PROCESSOR_COLUMNS : CONTROLLER_COLUMNS;
      for (const c of columns) {
        const gap = r.gaps.some((g) => g.field === c.header);
        expect(gap, `${r.record}: ${c.header}: ${c.cell(r)}`).toBe(c.cell(r).includes(NOT_DOCUMENTED));
      }
    }
  });
});
