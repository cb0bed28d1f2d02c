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
});
