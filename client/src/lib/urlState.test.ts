import { describe, expect, it } from "vitest";

import { keepSystems, readDepth, readFilters, readGroup, readSystems, readTraceColumns, withListItem, withParam, withSystems, writeFilters } from "./urlState";
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

describe("readGroup and readTraceColumns (the server's drawing choices)", () => {
  it("read the known values and fall back to auto", () => {
    expect(readGroup(new URLSearchParams("group=country"))).toBe("country");
    expect(readGroup(new URLSearchParams("group=bogus"))).toBe("auto");
    expect(readTraceColumns(new URLSearchParams("detail=columns"))).toBe("columns");
    expect(readTraceColumns(new URLSearchParams(""))).toBe("auto");
  });
});

describe("withListItem", () => {
  it("adds an id to a comma-separated list once, keeping other parameters", () => {
    const p = withListItem(withListItem(new URLSearchParams("group=transfer"), "expand", "group:vendor/transfer/eea"), "expand", "group:vendor/transfer/eea");
    expect(p.get("expand")).toBe("group:vendor/transfer/eea");
    expect(withListItem(p, "expand", "group:vendor/transfer/adequate").get("expand")).toBe("group:vendor/transfer/eea,group:vendor/transfer/adequate");
    expect(p.get("group")).toBe("transfer");
  });
});

describe("withParam", () => {
  it("sets, joins lists and deletes on null", () => {
    const p = withParam(withParam(new URLSearchParams("a=1"), "expand", ["x", "y"]), "a", null);
    expect(p.toString()).toBe("expand=x%2Cy");
  });
});

describe("the data set in the URL (systems=…)", () => {
  it("reads valid system ids only, once each", () => {
    expect(readSystems(new URLSearchParams("systems=kentico,ambassify,kentico,Bad Id"))).toEqual(["kentico", "ambassify"]);
    expect(readSystems(new URLSearchParams(""))).toEqual([]);
  });

  it("writes a sorted list, and no parameter for none or for every system", () => {
    const all = ["ambassify", "kentico"];
    expect(withSystems(new URLSearchParams("from=x"), ["kentico", "ambassify"], ["ambassify", "kentico", "kontent-ai"]).toString()).toBe("from=x&systems=ambassify%2Ckentico");
    expect(withSystems(new URLSearchParams("systems=kentico"), []).toString()).toBe("");
    expect(withSystems(new URLSearchParams("systems=kentico"), ["kentico", "ambassify"], all).toString()).toBe("");
  });

  it("is kept by links built on a scoped page, unless the link names its own", () => {
    expect(keepSystems("/trace?from=table%3Akentico%2FCMS_User", "?systems=ambassify&node=x")).toBe("/trace?from=table%3Akentico%2FCMS_User&systems=ambassify");
    expect(keepSystems("/vendors", "?systems=ambassify,kentico")).toBe("/vendors?systems=ambassify%2Ckentico");
    expect(keepSystems("/vendors?systems=kentico", "?systems=ambassify")).toBe("/vendors?systems=kentico");
    expect(keepSystems("/vendors", "?node=x")).toBe("/vendors");
  });
});
