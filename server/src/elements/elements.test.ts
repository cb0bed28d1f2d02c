import { describe, expect, it } from "vitest";

import { ElementsBuilder } from "./elements.js";

const table = (name: string) => ({ kind: "table", key: name, name, system: "shop", title: `${name} heading` });

describe("ElementsBuilder", () => {
  it("builds Cytoscape nodes with `kind:key` ids and a column's table as its title", () => {
    const b = new ElementsBuilder();
    b.node(table("Shop_User"));
    b.node({ kind: "column", key: "Shop_User.Email", name: "Email", system: "shop", table: "Shop_User", columnKind: "personal", at: ["shop.yaml:12\u001fShop data\u001fUsers"] });
    b.node({ kind: "location", key: "DE", name: "Germany", eea: true });

    expect(b.build().nodes.map((n) => n.data)).toEqual([
      { id: "table:Shop_User", label: "Shop_User", kind: "table", system: "shop", title: "Shop_User heading", provenance: [] },
      {
        id: "column:Shop_User.Email",
        label: "Email",
        kind: "column",
        system: "shop",
        title: "Shop_User",
        columnKind: "personal",
        provenance: [{ kind: "stated", file: "shop.yaml", line: 12, document: "Shop data", section: "Users" }],
      },
      { id: "location:DE", label: "Germany", kind: "location", system: null, title: null, eea: true, provenance: [] },
    ]);
  });

  it("draws an edge only between nodes it holds, once, merging the labels and provenance of repeats", () => {
    const b = new ElementsBuilder();
    b.node(table("A"));
    b.node(table("B"));
    b.edge("table:A", "REFERENCES", "table:B", { label: "X", provenance: [{ kind: "stated", file: "shop.yaml", line: 3 }] });
    b.edge("table:A", "REFERENCES", "table:B", { label: "Y", provenance: [{ kind: "stated", file: "shop.yaml", line: 9 }] });
    b.edge("table:A", "REFERENCES", "table:C", { label: "Z" });

    expect(b.build().edges).toEqual([
      {
        data: {
          id: "table:A|REFERENCES|table:B",
          source: "table:A",
          target: "table:B",
          type: "REFERENCES",
          label: "X, Y",
          provenance: [
            { kind: "stated", file: "shop.yaml", line: 3 },
            { kind: "stated", file: "shop.yaml", line: 9 },
          ],
        },
      },
    ]);
  });

  it("stops at the cap and reports it", () => {
    const b = new ElementsBuilder(2);
    expect(b.node(table("A"))).toBe("table:A");
    expect(b.node(table("B"))).toBe("table:B");
    expect(b.node(table("C"))).toBeNull();

    expect(b.truncated).toBe(true);
    expect(b.build().nodes).toHaveLength(2);
  });

  it("rejects a node of an unknown kind", () => {
    expect(() => new ElementsBuilder().node({ kind: "planet", key: "x", name: "x" })).toThrow(/unknown kind/);
  });
});
