import request from "supertest";
import { describe, expect, it } from "vitest";

import { NeighborhoodResponseSchema, NodeResponseSchema } from "../../server/src/contract/api.js";
import { testApp, testGraph } from "../support/graph.js";

const graph = testGraph();
const app = testApp(graph);
const path = (id: string, rest = "") => `/api/nodes/${encodeURIComponent(id)}${rest}`;

describe("GET /api/nodes/:id", () => {
  it("answers a table with its properties and neighbour counts by kind", async () => {
    const res = await request(app).get(path("table:kentico/CMS_User"));

    expect(res.status).toBe(200);
    const body = NodeResponseSchema.parse(res.body);
    expect(body.node).toMatchObject({ id: "table:kentico/CMS_User", kind: "table", label: "CMS_User", system: "kentico" });
    expect(body.node.properties).toMatchObject({ title: "Users", entityKind: "table" });
    expect(body.node.properties).not.toHaveProperty("search");
    expect(body.neighbours).toMatchObject({ system: 1, table: 35 });
    expect(body.neighbours.column).toBeGreaterThan(10);
  });

  it("takes ids with a slash when URL-encoded", async () => {
    const res = await request(app).get(path("subject:kentico/customer"));

    expect(res.status).toBe(200);
    expect(res.body.node).toMatchObject({ id: "subject:kentico/customer", kind: "subject", label: "Customer" });
    expect(res.body.neighbours.system).toBe(1);
  });

  it("answers 404 for an unknown id and 400 naming the field for a malformed one", async () => {
    const missing = await request(app).get(path("vendor:nobody"));
    const malformed = await request(app).get(path("planet:earth"));

    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: "NOT_FOUND", message: "No node with id 'vendor:nobody'." });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([{ field: "id", message: expect.stringMatching(/kind:key/) }]);
  });
});

describe("GET /api/nodes/:id/neighborhood", () => {
  it("answers the nodes one step away as elements, the centre first", async () => {
    const res = await request(app).get(path("table:kentico/COM_Customer", "/neighborhood"));

    expect(res.status).toBe(200);
    const body = NeighborhoodResponseSchema.parse(res.body);
    expect(body).toMatchObject({ center: "table:kentico/COM_Customer", depth: 1, truncated: false });
    expect(body.elements.nodes[0]?.data).toMatchObject({ id: "table:kentico/COM_Customer", depth: 0 });
    const ids = body.elements.nodes.map((n) => n.data.id);
    expect(ids).toEqual(expect.arrayContaining(["system:kentico", "subject:kentico/customer", "column:kentico/COM_Customer.CustomerEmail", "table:kentico/CMS_User"]));
    const edges = body.elements.edges.map((e) => `${e.data.source} ${e.data.type} ${e.data.target}`);
    expect(edges).toContain("system:kentico CONTAINS table:kentico/COM_Customer");
    expect(edges).toContain("table:kentico/COM_Customer COPIED_TO table:kentico/CMS_User");
    expect(body.elements.edges.every((e) => ids.includes(e.data.source) && ids.includes(e.data.target))).toBe(true);
  });

  it("keeps only the requested kinds and labels references with their columns", async () => {
    const res = await request(app).get(path("table:kentico/CMS_User", "/neighborhood")).query({ depth: 1, kinds: "table" });

    const body = NeighborhoodResponseSchema.parse(res.body);
    expect(body.elements.nodes.every((n) => n.data.kind === "table")).toBe(true);
    const ref = body.elements.edges.find((e) => e.data.source === "table:kentico/Community_Invitation" && e.data.target === "table:kentico/CMS_User" && e.data.type === "REFERENCES");
    expect(ref?.data.label).toBe("InvitedByUserID, InvitedUserID");
  });

  it("caps a wide neighbourhood at 500 nodes and says so", async () => {
    const res = await request(app).get(path("system:kentico", "/neighborhood")).query({ depth: 3 });

    const body = NeighborhoodResponseSchema.parse(res.body);
    expect(body.truncated).toBe(true);
    expect(body.elements.nodes).toHaveLength(500);
    // It says what it left out: the whole answer's size and the kinds of the nodes not drawn.
    expect(body.omitted.shownNodes).toBe(500);
    const left = Object.values(body.omitted.byKind).reduce((a, b) => a + b, 0);
    expect(left).toBeGreaterThan(0);
    expect(body.omitted.totalNodes).toBe(500 + left);
    // The same count the plain way (every node within 3 steps, by kind), as a test-only query.
    const truth = await graph.probe(
      "MATCH (c:Node {id: $id}) MATCH (c)-[*0..3]-(n:Node) WITH DISTINCT n RETURN n.kind AS kind, count(*) AS n",
      { id: "system:kentico" },
    );
    expect(body.omitted.totalNodes).toBe(truth.reduce((a, r) => a + (r.n as number), 0));
    const drawn = (kind: string) => body.elements.nodes.filter((n) => n.data.kind === kind).length;
    for (const r of truth) expect(drawn(r.kind as string) + (body.omitted.byKind[r.kind as string] ?? 0), r.kind as string).toBe(r.n);
    const depths = body.elements.nodes.map((n) => n.data.depth as number);
    expect(depths).toEqual([...depths].sort((a, b) => a - b));
  });

  it("answers 400 naming the field for a depth outside 1..3 or an unknown kind", async () => {
    for (const [query, field] of [
      [{ depth: "4" }, "depth"],
      [{ depth: "0" }, "depth"],
      [{ kinds: "table,planet" }, "kinds"],
    ] as const) {
      const res = await request(app).get(path("table:kentico/CMS_User", "/neighborhood")).query(query);

      expect(res.status).toBe(400);
      expect(res.body.error.details[0].field).toBe(field);
      expect(res.body.error.message).toContain(`'${field}'`);
    }
  });

  it("answers 404 for an unknown node", async () => {
    const res = await request(app).get(path("table:Nope", "/neighborhood"));

    expect(res.status).toBe(404);
  });
});
