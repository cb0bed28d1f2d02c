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

  it("tells our format from its top-level lines, as the full parse would, and leaves anything unusual to the full parse", () => {
    const ours = "# comment, with, commas\nsystem:\n  id: x\n  name: X\n  kind: saas\nentities:\n  - name: T\n    columns: []\n";
    expect(detectFormat("a.yaml", ours)).toBe("yaml");
    // A list under system: is fideslang, also when written with comments and blank lines first.
    expect(detectFormat("a.yaml", "system:\n\n  # the systems\n  - fides_key: x\n")).toBe("fides");
    expect(detectFormat("a.yaml", "system:\n- fides_key: x\n")).toBe("fides");
    // Keys of other formats beside a system: block, and document markers, go through the full parse.
    expect(detectFormat("a.yaml", "dataset:\n  - fides_key: d\nsystem:\n  id: x\n")).toBe("fides");
    expect(detectFormat("dpia.yaml", "assessment:\n  id: x\n")).toBe("assessment");
    expect(detectFormat("a.yaml", "---\nsystem:\n  id: x\n  name: X\n")).toBe("yaml");
    // A spreadsheet's header as the first line is the full parse's call, as before.
    expect(detectFormat("export.txt", "system,table,column\nsystem:\n  id: x\n")).toBe("csv");
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
