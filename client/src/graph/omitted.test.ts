import { describe, expect, it } from "vitest";

import { omittedSentence } from "./omitted";

describe("omittedSentence", () => {
  it("names the drawn share and every kind left out, most first", () => {
    const s = omittedSentence(true, { totalNodes: 2341, shownNodes: 500, byKind: { column: 1781, table: 59, vendor: 1 } }, "narrow with filters or expand tables");
    expect(s).toBe("Showing 500 of 2,341 nodes: 1,781 columns, 59 tables and 1 vendor left out — narrow with filters or expand tables.");
  });

  it("says nothing when the whole answer is drawn", () => {
    expect(omittedSentence(false, { totalNodes: 12, shownNodes: 12, byKind: {} }, "narrow")).toBeNull();
    expect(omittedSentence(false, undefined, "narrow")).toBeNull();
  });

  it("still names a cap when the answer does not say what was left out", () => {
    expect(omittedSentence(true, undefined, "narrow with filters")).toMatch(/capped.*not drawn — narrow with filters\.$/);
  });

  it("speaks of an omission the server reports even without the truncated flag", () => {
    expect(omittedSentence(false, { totalNodes: 10, shownNodes: 8, byKind: { column: 2 } }, "narrow")).toBe("Showing 8 of 10 nodes: 2 columns left out — narrow.");
  });
});
