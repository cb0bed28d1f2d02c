import { describe, expect, it } from "vitest";

import { cypher, cypherNames, expandIncludes } from "./cypher.js";

describe("Cypher parts", () => {
  it("replaces each include line by the part's body, without the part's first comment line", () => {
    const parts = new Map([["x/block", "// What the block holds.\nMATCH (n)\nWITH n"]]);

    expect(expandIncludes("x/query", "// Returns n.\n// include x/block\nRETURN n", parts)).toBe("// Returns n.\nMATCH (n)\nWITH n\nRETURN n");
  });

  it("fails naming the query and the part when the part does not exist", () => {
    expect(() => expandIncludes("x/query", "// Returns n.\n  // include x/missing\nRETURN 1", new Map())).toThrow("cypher/x/query.cypher includes x/missing, but there is no cypher/x/missing.part.cypher");
  });

  it("loads no part as a query, and leaves no include line in any query", () => {
    expect(cypherNames().some((n) => n.endsWith(".part"))).toBe(false);
    for (const name of cypherNames()) expect(cypher(name), name).not.toMatch(/^\s*\/\/ include /m);
    expect(cypher("where/tables")).toContain("MATCH (k:Node {id: $category})<-[:OF_CATEGORY]-(c:Column)");
    expect(cypher("where/tables")).toContain("UNWIND CASE WHEN total > skip");
  });
});
