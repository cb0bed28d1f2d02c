import { describe, expect, it } from "vitest";

import type { DpiaFacts } from "./dpia.facts.js";
import { dpiaSections } from "./dpia.sections.js";
import type { TraceResponse } from "../contract/api.js";

/** The parts of a trace the sections read (its start, drawn nodes and vendors); the rest of the answer is not used. */
const trace = {
  from: { id: "source:shop/signup", kind: "source", label: "Sign-up", system: "shop" },
  elements: { nodes: [], edges: [] },
  vendors: [],
} as unknown as TraceResponse;

const system = { system: "shop", name: "Shop", orgName: "Shop Ltd", orgContact: null, orgAddress: null, dpoName: null, dpoContact: "dpo@shop.example", repName: null, repContact: null, role: "controller", legalName: null, entityCountry: null, hostingCountries: [], security: [{ key: "securityEncryptionAtRest", value: "true" }] };
const activity = { system: "shop", role: "controller", legitimateInterest: null, liaLink: null, specialCategoryCondition: null, retention: null, automatedDecisions: null, controllers: [], subjects: ["subject:shop/customer"] };
const facts: DpiaFacts = {
  systems: [system],
  subjects: [{ id: "subject:shop/customer", name: "Customer", system: "shop" }],
  purposes: [
    { id: "purpose:shop/accounts", name: "Customer accounts", system: "shop" },
    { id: "purpose:shop/marketing", name: "Marketing emails", system: "shop" },
    { id: "purpose:shop/stats", name: "Statistics", system: "shop" },
  ],
  activities: [
    { ...activity, id: "activity:shop/accounts", name: "Account management", lawfulBasis: "contract", volume: "120000", purposes: ["purpose:shop/accounts"] },
    { ...activity, id: "activity:shop/marketing", name: "Direct marketing", lawfulBasis: null, volume: null, purposes: ["purpose:shop/marketing"] },
  ],
};

describe("dpiaSections without an assessment", () => {
  const { before, after } = dpiaSections({ trace, sends: [], silent: [], facts, tias: [] });

  it("lists each activity with its lawful basis or 'not documented', its volume, and a purpose no activity groups", () => {
    const row = (name: string) => new RegExp(`<tr><td>${name}</td>.*?</tr>`).exec(before)?.[0] ?? "";
    expect(row("Account management")).toContain("contract (Art. 6(1)(b))");
    expect(row("Account management")).toContain("120000");
    expect(row("Account management")).toContain("Customer");
    expect(row("Direct marketing")).toContain("not documented");
    expect(row("Statistics")).toContain("not documented");
    expect(before).toContain("Customer");
    expect(before).toContain("Shop Ltd");
    expect(before).toContain("dpo@shop.example");
    expect(before).toContain("encryption at rest: true");
  });

  it("says no risk is estimated and no measure recorded, and that no assessment is loaded", () => {
    expect(before).toContain("No assessment is loaded for this pack");
    expect(before).not.toContain("<svg");
    expect(before).toContain("Not estimated (severity and likelihood not documented)");
    expect(before).toContain("no measure is recorded");
    expect(after).toContain("None needed");
  });
});
