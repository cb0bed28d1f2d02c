import { describe, expect, it } from "vitest";

import { mergeProvenance, provenanceOf, statedAt } from "./provenance.js";
import { citation } from "../contract/words.js";

describe("provenanceOf", () => {
  it("reads a stored `at` as stated at a file's line, with the document and section when the inventory names them", () => {
    expect(provenanceOf({ at: ["kentico.yaml:2793\u001fPersonal data in Kentico\u001fE-commerce – Customers", "data/crm.csv:4"] })).toEqual([
      { kind: "stated", file: "kentico.yaml", line: 2793, document: "Personal data in Kentico", section: "E-commerce – Customers" },
      { kind: "stated", file: "data/crm.csv", line: 4 },
    ]);
    expect(statedAt("no line here")).toBeNull();
  });

  it("marks a category-scoped copy's reach inferred, a guessed category suggested, a source built from events observed", () => {
    expect(provenanceOf({ mapping: "category", at: ["a.yaml:9"] })).toEqual([{ kind: "inferred", rule: "same-category" }, { kind: "stated", file: "a.yaml", line: 9 }]);
    expect(provenanceOf({ suggested: true, at: ["draft.yaml:12"] })[0]).toEqual({ kind: "suggested", rule: "name-or-type" });
    expect(provenanceOf({ observedJob: "etl.load_users", observedRunId: "r-1", observedEventTime: "2026-11-30T10:00:00Z" })).toEqual([
      { kind: "observed", job: "etl.load_users", run: "r-1", eventTime: "2026-11-30T10:00:00Z" },
    ]);
    expect(provenanceOf(null)).toEqual([]);
  });

  it("merges lists keeping each provenance once, and cites each the way every output does", () => {
    const a = { kind: "stated" as const, file: "kentico.yaml", line: 2793, document: "Personal data in Kentico", section: "E-commerce" };
    expect(mergeProvenance([a], [a, { kind: "derived" }])).toEqual([a, { kind: "derived" }]);
    expect(citation(a)).toBe("kentico.yaml:2793 · from 'Personal data in Kentico', E-commerce");
    expect(citation({ kind: "not-stated", field: "receives" })).toBe("receives: not stated");
  });
});
