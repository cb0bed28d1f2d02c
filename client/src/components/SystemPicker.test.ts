import { describe, expect, it } from "vitest";

import { connectedChoices, type PickerSystem } from "./SystemPicker";

// The estate's shape (issue 18): the shop sends to the CRM and to the warehouse (not loaded); the CRM sends to the BI tool.
const SYSTEMS: PickerSystem[] = [
  { id: "shop", name: "Web shop", sendsTo: ["crm", "warehouse"], receivesFrom: [] },
  { id: "crm", name: "CRM", sendsTo: ["bi"], receivesFrom: ["shop"] },
  { id: "bi", name: "BI tool", sendsTo: [], receivesFrom: ["crm"] },
  { id: "hr", name: "HR", sendsTo: [], receivesFrom: [] },
];

describe("connectedChoices: the systems the picker keeps one click away", () => {
  it("offers nothing while every system is shown", () => {
    expect(connectedChoices(SYSTEMS, [])).toEqual([]);
  });

  it("names both directions of the chosen system's flows, loaded systems first, a target not loaded never offered as loaded", () => {
    expect(connectedChoices(SYSTEMS, ["crm"])).toEqual([
      { id: "bi", name: "BI tool", loaded: true, receives: true, sends: false },
      { id: "shop", name: "Web shop", loaded: true, receives: false, sends: true },
    ]);
    expect(connectedChoices(SYSTEMS, ["shop"])).toEqual([
      { id: "crm", name: "CRM", loaded: true, receives: true, sends: false },
      { id: "warehouse", name: "warehouse", loaded: false, receives: true, sends: false },
    ]);
  });

  it("leaves out the systems already chosen and merges what several chosen systems connect to", () => {
    expect(connectedChoices(SYSTEMS, ["shop", "crm"]).map((c) => c.id)).toEqual(["bi", "warehouse"]);
    expect(connectedChoices(SYSTEMS, ["shop", "bi"]).map((c) => [c.id, c.receives, c.sends])).toEqual([
      ["crm", true, true],
      ["warehouse", true, false],
    ]);
    expect(connectedChoices(SYSTEMS, ["hr"])).toEqual([]);
  });
});
