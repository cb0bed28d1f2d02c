import { describe, expect, it } from "vitest";

import { readDepth, readFilters, withParam, writeFilters } from "./urlState";
import { NO_FILTERS } from "../graph/filters";


describe("filters in the URL", () => {
  it("round-trip and leave other parameters alone", () => {
    const f = { ...NO_FILTERS, vendors: ["vendor:paypal", "vendor:gravatar"], hiddenKinds: ["column" as const], hideSystemColumns: true };
    const p = writeFilters(new URLSearchParams("from=table:kentico/COM_Customer"), f);

    expect(p.get("from")).toBe("table:kentico/COM_Customer");
    expect(readFilters(p)).toEqual(f);
    expect(writeFilters(p, NO_FILTERS).toString()).toBe("from=table%3Akentico%2FCOM_Customer");
  });

  it("ignore unknown kinds", () => {
    expect(readFilters(new URLSearchParams("hide=column,bogus")).hiddenKinds).toEqual(["column"]);
  });
});

describe("readDepth", () => {
  it("accepts 1–3 and falls back to 1", () => {
    expect(readDepth(new URLSearchParams("depth=3"))).toBe(3);
    expect(readDepth(new URLSearchParams("depth=9"))).toBe(1);
    expect(readDepth(new URLSearchParams(""))).toBe(1);
  });
});

describe("withParam", () => {
  it("sets, joins lists and deletes on null", () => {
    const p = withParam(withParam(new URLSearchParams("a=1"), "expand", ["x", "y"]), "a", null);
    expect(p.toString()).toBe("expand=x%2Cy");
  });
});
