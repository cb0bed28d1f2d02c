import { describe, expect, it } from "vitest";

import { detectFormat } from "./import.detect.js";

describe("detectFormat", () => {
  it("reads .csv files as spreadsheets", () => {
    expect(detectFormat("inventory.csv", "system,table,column\n")).toBe("csv");
  });

  it("tells a fideslang manifest (lists under dataset:/system:) from our format (one system: object)", () => {
    expect(detectFormat("a.yml", "dataset:\n  - fides_key: x\n")).toBe("fides");
    expect(detectFormat("a.yml", "system:\n  - fides_key: x\n")).toBe("fides");
    expect(detectFormat("a.yaml", "system: { id: x, name: X, kind: saas }\nentities: []\n")).toBe("yaml");
  });

  it("reads a spreadsheet saved without the .csv extension as one", () => {
    expect(detectFormat("export.txt", "system,table,column\nCRM,Crm_Lead,Email\n")).toBe("csv");
  });

  it("reads OpenLineage run events as a JSON array, one per line, or from a .ndjson file", () => {
    const event = { eventType: "COMPLETE", eventTime: "2026-12-01T10:00:00Z", run: { runId: "x" }, job: { namespace: "n", name: "j" }, producer: "p" };
    expect(detectFormat("events.json", JSON.stringify([event], null, 2))).toBe("openlineage");
    expect(detectFormat("events.log", `${JSON.stringify(event)}\n${JSON.stringify(event)}\n`)).toBe("openlineage");
    expect(detectFormat("events.ndjson", "")).toBe("openlineage");
    expect(detectFormat("a.json", JSON.stringify({ system: { id: "x", name: "X", kind: "saas" }, entities: [] }))).toBe("yaml");
  });

  it("tells the CNIL PIA tool's export ({pia, answers, ...}) and our assessment files (assessment:, no system:) from inventories", () => {
    expect(detectFormat("pia.json", JSON.stringify({ pia: { name: "X" }, answers: [], measures: [], evaluations: [], comments: [] }))).toBe("cnil-pia");
    expect(detectFormat("dpia.yaml", "assessment: { id: x, name: X }\nrisks: {}\n")).toBe("assessment");
  });
});
