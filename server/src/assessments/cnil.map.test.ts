import { describe, expect, it } from "vitest";

import { parseAssessmentText } from "./assessment.parse.js";
import { commentOn, commentRef, evaluationOf, evaluationRef, riskQuestion, riskQuestionId, TEXT_QUESTIONS } from "./cnil.map.js";
import { InventoryValidationError } from "../inventory/inventory.parse.js";

describe("cnil.map: the CNIL PIA structure against an assessment file's keys", () => {
  it("names each of the 18 text questions and 18 risk questions once, both ways", () => {
    expect(new Set(TEXT_QUESTIONS.map((q) => q.id)).size).toBe(18);
    for (const id of [321, 322, 323, 324, 325, 326, 331, 336, 341, 346]) {
      const r = riskQuestion(id)!;
      expect(riskQuestionId(r.risk, r.field)).toBe(id);
    }
    expect(riskQuestion(327)).toBeUndefined();
    expect(riskQuestion(351)).toBeUndefined();
  });

  it("maps evaluation references both ways, a measure's through its number, and keeps an unknown one as cnil:<ref>", () => {
    const ids = (id: string) => (id === "m1" ? 12 : undefined);
    for (const [ref, of] of [
      ["1.1", "context.overview"],
      ["1.2", "context.dataProcessesAssets"],
      ["2.1.212", "principles.legalBasis"],
      ["2.2.227", "principles.transfers"],
      ["3.2", "risks.illegitimateAccess"],
      ["3.4", "risks.disappearance"],
    ] as const) {
      expect(evaluationOf(ref)).toBe(of);
      expect(evaluationRef(of, ids)).toBe(ref);
    }
    expect(evaluationOf("3.1.12")).toBe("measures.12");
    expect(evaluationRef("measures.m1", ids)).toBe("3.1.12");
    expect(evaluationOf("2.1.227")).toBe("cnil:2.1.227");
    expect(evaluationRef("cnil:2.1.227", ids)).toBe("2.1.227");
  });

  it("maps comments on questions, risk questions and measures", () => {
    expect(commentOn(212, false)).toBe("principles.legalBasis");
    expect(commentOn(325, false)).toBe("risks.illegitimateAccess.severity");
    expect(commentOn(201, true)).toBe("measures.201");
    expect(commentRef("risks.illegitimateAccess.severity", () => undefined)).toEqual({ reference_to: 325, for_measure: false });
    expect(commentRef("measures.201", (id) => Number(id))).toEqual({ reference_to: 201, for_measure: true });
  });
});

describe("parseAssessmentText", () => {
  it("reports an evaluation of a measure the file does not have, at its line", () => {
    const text = ["assessment: { id: a, name: A }", "measures:", "  - { id: m1, title: One }", "evaluations:", "  - { of: measures.m2 }", ""].join("\n");
    try {
      parseAssessmentText("a.yaml", text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InventoryValidationError);
      expect((err as InventoryValidationError).issues).toEqual([expect.objectContaining({ file: "a.yaml", line: 5, field: "evaluations[0].of" })]);
    }
  });

  it("refuses a severity off the CNIL scale", () => {
    const text = ["assessment: { id: a, name: A }", "risks:", "  disappearance: { severity: { level: 5 } }", ""].join("\n");
    expect(() => parseAssessmentText("a.yaml", text)).toThrow(/risks\.disappearance\.severity\.level: must be 1 to 4/);
  });
});
