import type { Elements } from "@contract/api";
import { describe, expect, it } from "vitest";

import { approxMeasure, bundleLabel, collapseNode, edgesAround, kindsPresent, mergeElements, toModel } from "./elements";

const elements: Elements = {
  nodes: [
    { data: { id: "table:kentico/COM_Customer", label: "COM_Customer", kind: "table", system: "kentico" } },
    { data: { id: "column:kentico/COM_Customer.CustomerEmail", label: "CustomerEmail", kind: "column", system: "kentico", columnKind: "personal" } },
    { data: { id: "column:kentico/COM_Customer.CustomerID", label: "CustomerID", kind: "column", system: "kentico", columnKind: "system" } },
    { data: { id: "vendor:paypal", label: "PayPal", kind: "vendor", transfer: "third-country" } },
    { data: { id: "location:US", label: "United States", kind: "location", eea: false, transfer: "third-country" } },
    { data: { id: "location:IE", label: "Ireland", kind: "location", eea: true } },
  ],
  edges: [
    { data: { id: "e1", source: "table:kentico/COM_Customer", target: "column:kentico/COM_Customer.CustomerEmail", type: "HAS_COLUMN" } },
    { data: { id: "e2", source: "column:kentico/COM_Customer.CustomerEmail", target: "vendor:paypal", type: "SENT_TO" } },
    { data: { id: "e3", source: "vendor:paypal", target: "location:US", type: "STORES_DATA_IN" } },
    { data: { id: "dangling", source: "vendor:paypal", target: "location:XX", type: "LOCATED_IN" } },
  ],
};

describe("toModel", () => {
  it("gives every node its kind class, size and lane, and marks roots", () => {
    const m = toModel(elements, { roots: ["table:kentico/COM_Customer"] });
    const table = m.nodes.find((n) => n.data.id === "table:kentico/COM_Customer")!;

    expect(table.classes.split(" ")).toEqual(["kind-table", "root"]);
    expect(table.data.w).toBeGreaterThan(approxMeasure("COM_Customer", 13));
    expect(table.data.h).toBeGreaterThan(20);
    expect(table.data.lane).toBeLessThan(m.nodes.find((n) => n.data.kind === "vendor")!.data.lane);
  });

  it("marks vendors and countries with the server's transfer status: a class and a second label line in words", () => {
    const m = toModel(elements);
    const us = m.nodes.find((n) => n.data.id === "location:US")!;
    const ie = m.nodes.find((n) => n.data.id === "location:IE")!;
    const paypal = m.nodes.find((n) => n.data.id === "vendor:paypal")!;

    expect(us.classes).toContain("transfer-third-country");
    expect(us.data.display).toBe("United States\nthird country");
    expect(paypal.data.display).toBe("PayPal\nthird country");
    expect(ie.classes).toContain("transfer-eea");
    expect(ie.data.display).toBe("Ireland\nEEA");
  });

  it("never marks a vendor the server gave no status as safe", () => {
    const m = toModel({ nodes: [{ data: { id: "vendor:x", label: "X", kind: "vendor" } }], edges: [] });
    expect(m.nodes[0]!.classes).toBe("kind-vendor");
    expect(m.nodes[0]!.data.display).toBe("X");
  });

  it("classes columns by kind so system columns can be drawn muted", () => {
    const m = toModel(elements);
    expect(m.nodes.find((n) => n.data.id === "column:kentico/COM_Customer.CustomerID")!.classes).toContain("column-system");
  });

  it("drops edges whose ends are not in the answer", () => {
    expect(toModel(elements).edges.map((e) => e.data.id)).toEqual(["e1", "e2", "e3"]);
  });

  it("labels edges with the referencing columns only when asked", () => {
    const refs: Elements = {
      nodes: [
        { data: { id: "table:A", label: "A", kind: "table" } },
        { data: { id: "table:kentico/CMS_User", label: "CMS_User", kind: "table" } },
      ],
      edges: [{ data: { id: "r", source: "table:A", target: "table:kentico/CMS_User", type: "REFERENCES", columns: ["AUserID", "ACreatorID"] } }],
    };

    expect(toModel(refs).edges[0]!.data.edgeLabel).toBe("");
    const labelled = toModel(refs, { edgeLabels: true }).edges[0]!;
    expect(labelled.data.edgeLabel).toBe("AUserID, ACreatorID");
    expect(labelled.classes).toContain("labelled");
    expect(labelled.data.labelW).toBeGreaterThan(0);
  });
});

describe("mergeElements / collapseNode / edgesAround", () => {
  it("merges answers by id, first occurrence winning", () => {
    const merged = mergeElements(elements, { nodes: [{ data: { id: "vendor:paypal", label: "Other", kind: "vendor" } }], edges: [] });
    expect(merged.nodes).toHaveLength(elements.nodes.length);
    expect(merged.nodes.find((n) => n.data.id === "vendor:paypal")!.data.label).toBe("PayPal");
  });

  it("collapse removes only the neighbours that hang on the node alone", () => {
    const out = collapseNode(elements, "vendor:paypal", ["table:kentico/COM_Customer"]);
    const ids = out.nodes.map((n) => n.data.id);

    expect(ids).not.toContain("location:US");
    expect(ids).toContain("column:kentico/COM_Customer.CustomerEmail");
  });

  it("keeps only the edges that touch the centres", () => {
    expect(edgesAround(elements, ["vendor:paypal"]).edges.map((e) => e.data.id)).toEqual(["e2", "e3", "dangling"]);
  });

  it("lists the kinds present in lane order", () => {
    expect(kindsPresent(elements)).toEqual(["table", "column", "vendor", "location"]);
  });
});

describe("toModel: aggregates and bundles (a large overview or trace)", () => {
  const grouped: Elements = {
    nodes: [
      { data: { id: "system:s1", label: "Shop", kind: "system" } },
      {
        data: {
          id: "group:vendor/transfer/third-country",
          label: "214 vendors · third country",
          kind: "vendor",
          transfer: "third-country",
          group: { by: "transfer", value: "third-country", count: 214, members: ["vendor:a", "vendor:b"] },
        },
      },
      { data: { id: "group:vendor/country/US", label: "12 vendors · United States", kind: "vendor", transfer: "third-country", group: { by: "country", value: "US", count: 12, members: ["vendor:a"] } } },
      { data: { id: "table:s1/Users", label: "Users", kind: "table", collapsed: { columns: 37 } } },
      { data: { id: "vendor:paypal", label: "PayPal", kind: "vendor", transfer: "adequate" } },
    ],
    edges: [
      { data: { id: "b1", source: "system:s1", target: "group:vendor/transfer/third-country", type: "USES_VENDOR", label: "214 vendors", count: 214 } },
      { data: { id: "b2", source: "table:s1/Users", target: "vendor:paypal", type: "SENT_TO", count: 5 } },
      { data: { id: "b3", source: "system:s1", target: "group:vendor/country/US", type: "USES_VENDOR", label: "1 vendor", count: 1 } },
      { data: { id: "one", source: "system:s1", target: "vendor:paypal", type: "USES_VENDOR", label: "Payments" } },
    ],
  };
  const m = toModel(grouped);
  const node = (id: string) => m.nodes.find((n) => n.data.id === id)!;
  const edge = (id: string) => m.edges.find((e) => e.data.id === id)!;

  it("draws a group with its count and the group class; a transfer group does not repeat its status", () => {
    const g = node("group:vendor/transfer/third-country");
    expect(g.data.display).toBe("214 vendors · third country");
    expect(g.classes.split(" ")).toEqual(expect.arrayContaining(["kind-vendor", "group", "transfer-third-country"]));
    // A group by country keeps the status line: the country's name does not say it.
    expect(node("group:vendor/country/US").data.display).toBe("12 vendors · United States\nthird country");
  });

  it("says how many columns a collapsed table stands for", () => {
    const t = node("table:s1/Users");
    expect(t.data.display).toBe("Users\n37 columns");
    expect(t.classes).toContain("collapsed");
  });

  it("labels a bundle with its count, even without edge labels, and draws it heavier the more it bundles", () => {
    expect(edge("b1").data.edgeLabel).toBe("214 vendors");
    expect(edge("b2").data.edgeLabel).toBe("×5");
    expect(bundleLabel("Customers", 5)).toBe("Customers ×5");
    expect(bundleLabel("1,204 vendors", 1204)).toBe("1,204 vendors");
    expect(edge("b1").classes.split(" ")).toEqual(expect.arrayContaining(["bundle", "labelled"]));
    expect(edge("b1").data.bw).toBeGreaterThan(edge("b2").data.bw as number);
    // A bundle of one still says so; an edge without a count is an ordinary one: no label in a view without edge labels.
    expect(edge("b3").data.edgeLabel).toBe("1 vendor");
    expect(edge("b3").classes).toContain("bundle");
    expect(edge("one").data.edgeLabel).toBe("");
    expect(edge("one").classes).not.toContain("bundle");
  });
});
