import type { TraceFieldsResponse, TraceResponse, TraceVendor, TraceVendorsResponse } from "@contract/api";
import { describe, expect, it } from "vitest";

import { isCompleteTrace, readTrace } from "./tracePages";

type Field = TraceVendor["fields"][number];

function field(column: string): Field {
  return { id: `column:shop/Customer.${column}`, system: "shop", table: "Customer", column, category: null, categoryId: null, evidence: { nodes: [], edges: [], via: [], provenance: [] } };
}

function vendor(key: string, fields: Field[], fieldCount = fields.length, fieldsNext: string | null = null): TraceVendor {
  return { id: `vendor:${key}`, name: key, countries: [], transfer: "eea", mechanism: null, flows: [], categories: [], fields, fieldCount, fieldsNext, systems: ["shop"], services: [], purposes: [], retention: [] };
}

/** A trace's first page: `vendors` listed of `vendorCount`, `next` the cursor of the page after. */
function firstPage(vendors: TraceVendor[], vendorCount: number, next: string | null): TraceResponse {
  return {
    from: { id: "system:shop", kind: "system", label: "Shop", system: "shop" },
    filters: { categories: [], vendors: [], countries: [], transfers: [], systems: [] },
    facets: { categories: [], vendors: [], countries: [], transfers: [] },
    totalVendors: vendorCount,
    vendorCount,
    vendors,
    next,
    systems: ["shop"],
    detail: "columns",
    expanded: [],
    elements: { nodes: [], edges: [] },
    truncated: false,
    omitted: { totalNodes: 0, shownNodes: 0, byKind: {} },
  };
}

/** A promise the test answers when it chooses, and whether it has been asked for. */
function held<T>() {
  let answer!: (value: T) => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { promise, answer, fail };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("readTrace", () => {
  it("hands the first page on before any later page is answered, then resolves with every vendor and field in order", async () => {
    const first = firstPage([vendor("a", [field("Email")], 2, "fields-a"), vendor("b", [field("Name")])], 3, "vendors-2");
    const vendorsPage = held<TraceVendorsResponse>();
    const fieldsPage = held<TraceFieldsResponse>();
    const asked: string[] = [];
    const shown: TraceResponse[] = [];

    const whole = readTrace(
      () => Promise.resolve(first),
      (cursor) => {
        asked.push(`vendors after ${cursor}`);
        return vendorsPage.promise;
      },
      (of, cursor) => {
        asked.push(`fields of ${of} after ${cursor}`);
        return fieldsPage.promise;
      },
      (page) => shown.push(page),
    );
    await tick();
    // The first page is on screen while both later reads are under way: a vendor's fields beside the next vendors.
    expect(shown).toEqual([first]);
    expect(asked).toEqual(["fields of vendor:a after fields-a", "vendors after vendors-2"]);

    vendorsPage.answer({ vendors: [vendor("c", [field("Phone")])], vendorCount: 3, next: null });
    fieldsPage.answer({ vendor: "vendor:a", fields: [field("Name")], fieldCount: 2, next: null });
    const answer = await whole;

    expect(answer.vendors.map((v) => [v.id, v.fields.map((f) => f.column)])).toEqual([
      ["vendor:a", ["Email", "Name"]],
      ["vendor:b", ["Name"]],
      ["vendor:c", ["Phone"]],
    ]);
    expect(isCompleteTrace(answer)).toBe(true);
    expect(answer.elements).toBe(first.elements);
    expect(shown).toHaveLength(1);
  });

  it("reads every page of vendors, one after the other, following each page's cursor", async () => {
    const first = firstPage([vendor("a", [field("Email")])], 3, "p2");
    const pages: Record<string, TraceVendorsResponse> = {
      p2: { vendors: [vendor("b", [])], vendorCount: 3, next: "p3" },
      p3: { vendors: [vendor("c", [])], vendorCount: 3, next: null },
    };
    const asked: string[] = [];
    const answer = await readTrace(
      () => Promise.resolve(first),
      (cursor) => {
        asked.push(cursor);
        return Promise.resolve(pages[cursor]!);
      },
      () => Promise.reject(new Error("no vendor has more fields")),
    );
    expect(asked).toEqual(["p2", "p3"]);
    expect(answer.vendors.map((v) => v.id)).toEqual(["vendor:a", "vendor:b", "vendor:c"]);
    expect(answer.next).toBeNull();
  });

  it("shows nothing early and asks for nothing more when the first page is the whole answer", async () => {
    const first = firstPage([vendor("a", [field("Email")])], 1, null);
    const shown: TraceResponse[] = [];
    const answer = await readTrace(
      () => Promise.resolve(first),
      () => Promise.reject(new Error("not asked")),
      () => Promise.reject(new Error("not asked")),
      (page) => shown.push(page),
    );
    expect(answer).toBe(first);
    expect(shown).toEqual([]);
  });

  it("rejects with the error of a later page after the first was shown: it is never read as the whole list", async () => {
    const first = firstPage([vendor("a", [field("Email")])], 2, "p2");
    const shown: TraceResponse[] = [];
    const failure = new Error("The answer changed: the data was loaded again.");
    const whole = readTrace(
      () => Promise.resolve(first),
      () => Promise.reject(failure),
      () => Promise.reject(new Error("not asked")),
      (page) => shown.push(page),
    );
    await expect(whole).rejects.toBe(failure);
    expect(shown).toEqual([first]);
  });

  it("rejects when a vendor's fields fail, even while pages of vendors are still being read", async () => {
    const first = firstPage([vendor("a", [field("Email")], 2, "fields-a")], 2, "p2");
    const vendorsPage = held<TraceVendorsResponse>();
    const failure = new Error("fields failed");
    const whole = readTrace(
      () => Promise.resolve(first),
      () => vendorsPage.promise,
      () => Promise.reject(failure),
    );
    await tick();
    vendorsPage.answer({ vendors: [vendor("b", [])], vendorCount: 2, next: null });
    await expect(whole).rejects.toBe(failure);
  });
});

describe("isCompleteTrace", () => {
  it("is false while a page of vendors or of one vendor's fields is left to read", () => {
    expect(isCompleteTrace(firstPage([vendor("a", [])], 1, null))).toBe(true);
    expect(isCompleteTrace(firstPage([vendor("a", [])], 2, "p2"))).toBe(false);
    expect(isCompleteTrace(firstPage([vendor("a", [field("Email")], 2, "f2")], 1, null))).toBe(false);
  });
});
